// Layering rules that ESLint cannot see across .vue files and re-exports: scans import specifiers per folder.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const rules = [
  { dir: 'src/main/core', forbid: [/^electron(\/|$)/], why: 'src/main/core must not import electron' },
  { dir: 'src/shared', forbid: [/^electron(\/|$)/, /^vue(\/|$)/, /^node:/, /^(fs|path|os|crypto|worker_threads|child_process|net|tls|http|https|events|stream|buffer|util)$/, /\/(main|renderer|preload)\//], why: 'src/shared imports no Node, Electron, Vue or app layers' },
  { dir: 'src/renderer', forbid: [/^electron(\/|$)/, /^node:/, /(^|\/)main\//, /(^|\/)preload\//], why: 'the renderer never imports electron, Node or src/main' }
]
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (/\.(ts|vue|mts|js|mjs)$/.test(name)) yield path
  }
}

let problems = 0
for (const rule of rules) {
  const dir = join(root, rule.dir)
  try { statSync(dir) } catch { continue }
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(importPattern)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4]
      if (rule.forbid.some((re) => re.test(spec))) {
        console.error(`${relative(root, file)}: imports '${spec}' (${rule.why})`)
        problems++
      }
    }
  }
}
if (problems > 0) process.exit(1)
console.log('layering: ok')
