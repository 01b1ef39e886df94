import type { RpcServer } from '../../../shared/ipc/server'
import type { Transport } from '../../../shared/ipc/transport'
import { createTransportListeners, type TransportListeners } from '../../../shared/ipc/transportListeners'
import type { RouterToWorker, WorkerToRouter } from './workerProtocol'

type RoutedMessage = Exclude<RouterToWorker, { kind: 'closeSockets' }>

/**
 * The worker's side of the routing: each client connection of the main thread becomes a Transport here,
 * attached to the engine's RpcServer (which validates everything that arrives).
 */
export function serveRoutedConnections(server: RpcServer, post: (message: WorkerToRouter) => void): (message: RoutedMessage) => void {
  const connections = new Map<number, TransportListeners>()
  return (message) => {
    if (message.kind === 'open') {
      const listeners = createTransportListeners()
      connections.set(message.conn, listeners)
      const conn = message.conn
      const transport: Transport = {
        send: (wire) => {
          if (!listeners.isClosed) post({ kind: 'message', conn, message: wire })
        },
        onMessage: (listener) => listeners.onMessage(listener),
        onClose: (listener) => listeners.onClose(listener),
        close: () => {
          if (listeners.markClosed()) {
            connections.delete(conn)
            post({ kind: 'close', conn })
          }
        }
      }
      server.attach(transport)
    } else if (message.kind === 'message') {
      connections.get(message.conn)?.deliver(message.message)
    } else {
      const listeners = connections.get(message.conn)
      connections.delete(message.conn)
      listeners?.markClosed()
    }
  }
}
