import { join } from 'node:path'
import { build } from 'esbuild'
import { makeTempDir } from './tempDirs'

/** Bundles a worker entry the way the app ships it, so tests run the real thing in a real worker_thread. */
export async function bundleWorker(entry: string): Promise<string> {
  const outfile = join(makeTempDir('tt-worker-'), 'worker.cjs')
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' })
  return outfile
}
