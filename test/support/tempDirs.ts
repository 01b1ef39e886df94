import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'

const pending: string[] = []

/**
 * A fresh folder in the OS temp folder, deleted after the test that made it; made outside a test (at the top of a
 * file, in a beforeAll), after the file's tests (tempDirs.setup.ts).
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  } catch {
    pending.push(dir)
  }
  return dir
}

export function removePendingTempDirs(): void {
  for (const dir of pending.splice(0)) rmSync(dir, { recursive: true, force: true })
}
