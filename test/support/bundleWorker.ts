import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'

/** Bundles a worker entry the way the app ships it, so tests run the real thing in a real worker_thread. */
export async function bundleWorker(entry: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'tt-worker-')), 'worker.cjs')
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' })
  return outfile
}
