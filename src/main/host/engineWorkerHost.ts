import { rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { Transport } from '../../shared/ipc/transport'
import type { EngineWorkerSettings, ListeningSocket, RouterToWorker, WorkerToRouter } from '../core/host/workerProtocol'

export interface EngineWorkerHost {
  /** Routes one client connection (a window or a WebSocket) to the engine worker until either side closes it. */
  attach(transport: Transport): void
  readonly connectionCount: number
  /** The worker's own socket server, when the settings asked for one (the browser host). */
  readonly socket: ListeningSocket | undefined
  /** The user-data folder the worker made for this run when it was given none; deleted when the worker exits. */
  readonly temporaryDataDir: string | undefined
  /** Closes that socket server and its connections (nothing when there is none). */
  closeSockets(): Promise<void>
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

  const { socket, temporaryDataDir } = await new Promise<Extract<WorkerToRouter, { kind: 'ready' }>>((resolve, reject) => {
    const onMessage = (message: WorkerToRouter) => {
      if (message.kind === 'ready') {
        worker.off('error', reject)
        worker.off('message', onMessage)
        resolve(message)
      }
    }
    worker.once('error', reject)
    worker.on('message', onMessage)
  })
  let socketsClosed: (() => void) | null = null
  worker.on('message', (message: WorkerToRouter) => {
    if (message.kind === 'message') connections.get(message.conn)?.send(message.message as never)
    else if (message.kind === 'socketsClosed') socketsClosed?.()
    else if (message.kind === 'close') {
      const transport = connections.get(message.conn)
      connections.delete(message.conn)
      transport?.close()
    }
  })
  worker.on('exit', () => {
    for (const transport of connections.values()) transport.close()
    connections.clear()
    if (temporaryDataDir) rmSync(temporaryDataDir, { recursive: true, force: true })
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
    socket,
    temporaryDataDir,
    closeSockets() {
      if (!socket) return Promise.resolve()
      return new Promise<void>((resolve) => {
        socketsClosed = resolve
        worker.once('exit', () => resolve())
        post({ kind: 'closeSockets' })
      })
    },
    async terminate() {
      await worker.terminate()
    }
  }
}
