import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { FsLayer } from './fsLayer'

const TEMP_SUFFIX = '.tmp'

/** Temp files are `.<name>.<random>.tmp` next to the target, so a rename never crosses file systems. */
export function isTempFile(fileName: string): boolean {
  return fileName.startsWith('.') && fileName.endsWith(TEMP_SUFFIX)
}

/**
 * Replaces `dir/name` with `data` so that a reader (or a restart after a crash) sees either the old
 * content or the new, never a mix: write a temp file in the same folder, fsync it, rename it over the
 * target, fsync the folder. On failure the temp file is removed (best effort) and the target is untouched.
 */
export async function writeFileAtomic(fs: FsLayer, dir: string, name: string, data: Uint8Array, mode: number): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  try {
    const handle = await fs.create(temp, mode)
    try {
      let written = 0
      while (written < data.length) {
        const { bytesWritten } = await handle.write(data, written, data.length - written, written)
        written += bytesWritten
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, join(dir, name))
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined)
    throw e
  }
  await fs.syncDir(dir)
}

/** Removes temp files a crash left behind; returns their names. */
export async function removeTempFiles(fs: FsLayer, dir: string): Promise<string[]> {
  const leftovers = (await fs.readdir(dir)).filter(isTempFile)
  for (const name of leftovers) await fs.unlink(join(dir, name)).catch(() => undefined)
  return leftovers
}
