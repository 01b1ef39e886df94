/** Messages between the thread that owns the client transports and the engine worker. */
export type RouterToWorker = { kind: 'open'; conn: number } | { kind: 'message'; conn: number; message: unknown } | { kind: 'close'; conn: number }

export type WorkerToRouter = { kind: 'ready' } | { kind: 'message'; conn: number; message: unknown } | { kind: 'close'; conn: number }
