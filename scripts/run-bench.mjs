// Bundles a benchmark the way the app ships the engine (esbuild, no TS loader in the hot path) and runs it
// with --expose-gc. Usage: node scripts/run-bench.mjs bench/<name>.bench.ts
import { spawnSync } from 'node:child_process'
import { basename, join } from 'node:path'
import { build } from 'esbuild'

const entry = process.argv[2]
if (!entry) {
  console.error('usage: node scripts/run-bench.mjs bench/<name>.bench.ts')
  process.exit(2)
}
const outfile = join('.cache', 'bench', basename(entry).replace(/\.ts$/, '.mjs'))
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' })
const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' })
process.exit(run.status ?? 1)
