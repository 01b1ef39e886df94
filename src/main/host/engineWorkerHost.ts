import { Worker } from 'node:worker_threads'
import type { Transport } from '../../shared/ipc/transport'
import type { EngineWorkerSettings, RouterToWorker, WorkerToRouter } from '../core/host/workerProtocol'

export interface EngineWorkerHost {
  /** Routes one client connection (a window or a WebSocket) to the engine worker until either side closes it. */
  attach(transport: Transport): void
  readonly connectionCount: number
  terminate(): Promise<void>
}

/**
 * Starts the engine in a worker thread. This thread only routes messages: no validation, decoding or table
 * work happens here, so it stays free for the window (Electron) or the sockets (browser host).
 */
export async function startEngineWorker(entry: string | URL, settings: EngineWorkerSettings = {}): Promise<EngineWorkerHost> {
  const worker = new Worker(entry, { workerData: settings })
  const connections = new Map<number, Transport>()
  let nextConn = 1
  const post = (message: RouterToWorker) => worker.postMessage(message)

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: WorkerToRouter) => {
      if (message.kind === 'ready') {
        worker.off('error', reject)
        resolve()
      }
    }
    worker.once('error', reject)
    worker.on('message', onMessage)
  })
  worker.on('message', (message: WorkerToRouter) => {
    if (message.kind === 'message') connections.get(message.conn)?.send(message.message as never)
    else if (message.kind === 'close') {
      const transport = connections.get(message.conn)
      connections.delete(message.conn)
      transport?.close()
    }
  })
  worker.on('exit', () => {
    for (const transport of connections.values()) transport.close()
    connections.clear()
  })

  return {
    attach(transport) {
      const conn = nextConn++
      connections.set(conn, transport)
      post({ kind: 'open', conn })
      transport.onMessage((message) => post({ kind: 'message', conn, message }))
      transport.onClose(() => {
        if (connections.delete(conn)) post({ kind: 'close', conn })
      })
    },
    get connectionCount() {
      return connections.size
    },
    async terminate() {
      await worker.terminate()
    }
  }
}
