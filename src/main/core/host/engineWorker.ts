import { parentPort, workerData } from 'node:worker_threads'
import { createEngineServer } from './engineServer'
import type { EngineWorkerSettings, RouterToWorker, WorkerToRouter } from './workerProtocol'
import { serveRoutedConnections } from './workerConnections'

// Entry point of the engine worker thread: Kafka consumers, tables and views live here.
if (!parentPort) throw new Error('engineWorker must run in a worker_thread')
const port = parentPort
const post = (message: WorkerToRouter) => port.postMessage(message)
void createEngineServer((workerData ?? {}) as EngineWorkerSettings).then(
  (server) => {
    const route = serveRoutedConnections(server, post)
    port.on('message', (message: RouterToWorker) => route(message))
    post({ kind: 'ready' })
  },
  (e: unknown) => {
    throw e
  }
)
