/** Messages between the thread that owns the client transports and the engine worker. */
export type RouterToWorker =
  | { kind: 'open'; conn: number }
  | { kind: 'message'; conn: number; message: unknown }
  | { kind: 'close'; conn: number }
  /** Close the worker's own socket server (browser host), its connections first. */
  | { kind: 'closeSockets' }

export type WorkerToRouter =
  /** temporaryDataDir: a user-data folder made for this run, for the host to delete once the worker has exited. */
  | { kind: 'ready'; socket?: ListeningSocket; temporaryDataDir?: string }
  | { kind: 'message'; conn: number; message: unknown }
  | { kind: 'close'; conn: number }
  | { kind: 'socketsClosed' }

/** Where the worker's socket server listens (127.0.0.1). */
export interface ListeningSocket {
  readonly port: number
  readonly token: string
}

/**
 * The browser host's HTTP + WebSocket server, run by the engine worker itself: a page's calls reach the engine
 * without a hop through the main thread (each thread hop costs a wake-up: ~0.2 ms typical, ms at the tail).
 */
export interface SocketServerSettings {
  /** 0 or none: a free port. */
  port?: number
  /** Generated when none. */
  token?: string
  /** The built renderer, served over HTTP on the same port. */
  rendererDir?: string
}

/** What the host tells the engine worker at start (its workerData). */
export interface EngineWorkerSettings {
  /** Where profiles, presets and workspaces are kept; none: nothing is saved (profiles fail with NO_USER_DATA). */
  userDataDir?: string
  /** 32 bytes for AES-GCM over profile secrets (Electron: kept wrapped by safeStorage); none: a 0600 file, unencrypted. */
  secretKey?: Uint8Array
  /** How the host keeps that key, shown to the user next to the profiles. */
  secretStorage?: string
  /** The browser host: the worker serves the renderer and the WebSocket RPC itself. */
  socketServer?: SocketServerSettings
}
