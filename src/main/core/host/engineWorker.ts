import { parentPort, workerData } from 'node:worker_threads'
import type { WebSocketTransportServer } from '../../transport/webSocketServerTransport'
import { createEngineServer } from './engineServer'
import type { EngineWorkerSettings, RouterToWorker, WorkerToRouter } from './workerProtocol'
import { serveRoutedConnections } from './workerConnections'

// Entry point of the engine worker thread: Kafka consumers, tables and views live here.
if (!parentPort) throw new Error('engineWorker must run in a worker_thread')
const port = parentPort
const post = (message: WorkerToRouter) => port.postMessage(message)
const settings = (workerData ?? {}) as EngineWorkerSettings
void createEngineServer(settings).then(
  async ({ server, temporaryDataDir }) => {
    const route = serveRoutedConnections(server, post)
    const socketSettings = settings.socketServer
    let sockets: WebSocketTransportServer | null = null
    if (socketSettings) {
      // loaded only by the browser host: Electron's worker never serves sockets
      const [{ startWebSocketServerTransport }, { serveStaticFiles }] = await Promise.all([import('../../transport/webSocketServerTransport'), import('../../host/staticFiles')])
      sockets = await startWebSocketServerTransport({
        port: socketSettings.port,
        token: socketSettings.token,
        onConnection: (transport) => server.attach(transport),
        onHttpRequest: socketSettings.rendererDir ? serveStaticFiles(socketSettings.rendererDir) : undefined
      })
    }
    port.on('message', (message: RouterToWorker) => {
      if (message.kind === 'closeSockets') void (sockets?.close() ?? Promise.resolve()).then(() => post({ kind: 'socketsClosed' }))
      else route(message)
    })
    post({ kind: 'ready', socket: sockets ? { port: sockets.port, token: sockets.token } : undefined, temporaryDataDir })
  },
  (e: unknown) => {
    throw e
  }
)
