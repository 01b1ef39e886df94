import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises'

/** The file operations the profile store needs; tests swap in a failing layer to simulate crashes. */
export interface FileHandleLike {
  write(data: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface FsLayer {
  mkdir(path: string): Promise<void>
  /** The file's bytes, or undefined when it does not exist. */
  readFile(path: string): Promise<Buffer | undefined>
  readdir(path: string): Promise<string[]>
  /** Creates a new file (fails if it exists) with the given permission bits. */
  create(path: string, mode: number): Promise<FileHandleLike>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Makes a rename durable; a no-op where directories cannot be synced. */
  syncDir(path: string): Promise<void>
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

export const nodeFs: FsLayer = {
  async mkdir(path) {
    await mkdir(path, { recursive: true, mode: 0o700 })
  },
  async readFile(path) {
    try {
      return await readFile(path)
    } catch (e) {
      if (isMissing(e)) return undefined
      throw e
    }
  },
  readdir: (path) => readdir(path),
  create: (path, mode) => open(path, 'wx', mode),
  rename: (from, to) => rename(from, to),
  async unlink(path) {
    try {
      await unlink(path)
    } catch (e) {
      if (!isMissing(e)) throw e
    }
  },
  async syncDir(path) {
    let handle
    try {
      handle = await open(path, 'r')
      await handle.sync()
    } catch {
      // Windows and some file systems cannot open or sync a directory; the rename is still atomic.
    } finally {
      await handle?.close().catch(() => undefined)
    }
  }
}
