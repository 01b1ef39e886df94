import type { Transport } from '../../../shared/ipc/transport'
import { createTransportListeners } from '../../../shared/ipc/transportListeners'

/** What the preload exposes: one channel, two functions. */
export interface RpcBridge {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): () => void
}

/** The Electron side: a Transport over the preload's window.rpc. */
export function createBridgeTransport(bridge: RpcBridge): Transport {
  const listeners = createTransportListeners()
  const stop = bridge.onMessage((message) => listeners.deliver(message))
  return {
    send: (message) => {
      if (!listeners.isClosed) bridge.send(message)
    },
    onMessage: (listener) => listeners.onMessage(listener),
    onClose: (listener) => listeners.onClose(listener),
    close: () => {
      if (listeners.markClosed()) stop()
    }
  }
}
