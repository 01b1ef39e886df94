import { startWebSocketServerTransport, type WebSocketTransportServer } from '../transport/webSocketServerTransport'
import { startEngineWorker, type EngineWorkerHost } from './engineWorkerHost'
import { serveStaticFiles } from './staticFiles'

export interface BrowserHost {
  /** Open this in a browser: the renderer, with the access token the WebSocket asks for. */
  readonly url: string
  readonly engine: EngineWorkerHost
  close(): Promise<void>
}

/**
 * The app without Electron: the engine in a worker, the built renderer over HTTP and the RPC over a
 * token-protected WebSocket, all on 127.0.0.1.
 */
export interface BrowserHostOptions {
  rendererDir: string
  workerEntry: string
  /** Where profiles, presets and workspaces are saved; none: a temporary folder (nothing survives). */
  userDataDir?: string
  port?: number
  token?: string
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const engine = await startEngineWorker(options.workerEntry, {
    userDataDir: options.userDataDir,
    secretStorage: 'Secrets are stored in a file only your user can read (the browser host has no system keychain), not encrypted.'
  })
  let server: WebSocketTransportServer
  try {
    server = await startWebSocketServerTransport({
      port: options.port,
      token: options.token,
      onConnection: (transport) => engine.attach(transport),
      onHttpRequest: serveStaticFiles(options.rendererDir)
    })
  } catch (e) {
    await engine.terminate()
    throw e
  }
  return {
    url: `http://127.0.0.1:${server.port}/?token=${encodeURIComponent(server.token)}`,
    engine,
    async close() {
      await server.close()
      await engine.terminate()
    }
  }
}
