/** The listener bookkeeping every Transport implementation shares. */
export interface TransportListeners {
  readonly isClosed: boolean
  onMessage(listener: (message: unknown) => void): () => void
  onClose(listener: () => void): () => void
  /** Hands an incoming message to the listeners, or holds it until there is one; ignored once closed. */
  deliver(message: unknown): void
  /** Closes and notifies the close listeners. Returns false if it was already closed. */
  markClosed(): boolean
}

export function createTransportListeners(): TransportListeners {
  const messageListeners = new Set<(message: unknown) => void>()
  const closeListeners = new Set<() => void>()
  let heldMessages: unknown[] = []
  let flushScheduled = false
  let closed = false

  const dispatch = (message: unknown) => {
    for (const listener of [...messageListeners]) listener(message)
  }
  const deliver = (message: unknown) => {
    if (closed) return
    if (messageListeners.size === 0 || flushScheduled) heldMessages.push(message)
    else dispatch(message)
  }
  const flushHeldMessages = () => {
    flushScheduled = false
    const held = heldMessages
    heldMessages = []
    held.forEach(deliver)
  }

  return {
    get isClosed() {
      return closed
    },
    onMessage(listener) {
      messageListeners.add(listener)
      if (heldMessages.length > 0 && !flushScheduled) {
        flushScheduled = true
        queueMicrotask(flushHeldMessages)
      }
      return () => messageListeners.delete(listener)
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(listener)
        return () => {}
      }
      closeListeners.add(listener)
      return () => closeListeners.delete(listener)
    },
    deliver,
    markClosed() {
      if (closed) return false
      closed = true
      heldMessages = []
      messageListeners.clear()
      const listeners = [...closeListeners]
      closeListeners.clear()
      for (const listener of listeners) listener()
      return true
    }
  }
}
