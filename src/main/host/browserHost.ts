import { startEngineWorker, type EngineWorkerHost } from './engineWorkerHost'

export interface BrowserHost {
  /** Open this in a browser: the renderer, with the access token the WebSocket asks for. */
  readonly url: string
  readonly engine: EngineWorkerHost
  close(): Promise<void>
}

/**
 * The app without Electron, all on 127.0.0.1: the engine worker serves the built renderer over HTTP and the RPC
 * over a token-protected WebSocket on the same port, so a page's calls reach the engine with no main-thread hop.
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
    secretStorage: 'Secrets are stored in a file only your user can read (the browser host has no system keychain), not encrypted.',
    socketServer: { port: options.port, token: options.token, rendererDir: options.rendererDir }
  })
  const socket = engine.socket
  if (!socket) {
    await engine.terminate()
    throw new Error('The engine worker did not start its socket server')
  }
  return {
    url: `http://127.0.0.1:${socket.port}/?token=${encodeURIComponent(socket.token)}`,
    engine,
    async close() {
      await engine.closeSockets()
      await engine.terminate()
    }
  }
}
