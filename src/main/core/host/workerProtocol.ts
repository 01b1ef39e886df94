/** Messages between the thread that owns the client transports and the engine worker. */
export type RouterToWorker = { kind: 'open'; conn: number } | { kind: 'message'; conn: number; message: unknown } | { kind: 'close'; conn: number }

export type WorkerToRouter = { kind: 'ready' } | { kind: 'message'; conn: number; message: unknown } | { kind: 'close'; conn: number }

/** What the host tells the engine worker at start (its workerData). */
export interface EngineWorkerSettings {
  /** Where profiles, presets and workspaces are kept; none: nothing is saved (profiles fail with NO_USER_DATA). */
  userDataDir?: string
  /** 32 bytes for AES-GCM over profile secrets (Electron: kept wrapped by safeStorage); none: a 0600 file, unencrypted. */
  secretKey?: Uint8Array
  /** How the host keeps that key, shown to the user next to the profiles. */
  secretStorage?: string
}
