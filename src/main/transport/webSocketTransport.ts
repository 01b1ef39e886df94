import { WebSocket } from 'ws'
import { decodeMessage, encodeMessage } from '../../shared/ipc/jsonCodec'
import type { Transport } from '../../shared/ipc/transport'
import { createTransportListeners } from '../../shared/ipc/transportListeners'

/** One accepted `ws` connection as a Transport; it closes when the socket does. */
export function createWebSocketTransport(socket: WebSocket): Transport {
  const listeners = createTransportListeners()

  socket.on('message', (data, isBinary) => {
    if (isBinary) return
    const message = decodeMessage(data.toString())
    if (message !== undefined) listeners.deliver(message)
  })
  socket.on('close', () => listeners.markClosed())
  // 'close' always follows 'error'; listening keeps the error from being thrown.
  socket.on('error', () => listeners.markClosed())

  return {
    send(message) {
      if (listeners.isClosed) return
      const text = encodeMessage(message)
      if (socket.readyState === WebSocket.OPEN) socket.send(text)
    },
    onMessage: (listener) => listeners.onMessage(listener),
    onClose: (listener) => listeners.onClose(listener),
    close() {
      if (listeners.markClosed()) socket.close(1000)
    }
  }
}
