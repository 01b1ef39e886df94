#!/usr/bin/env node
// Runs a command with fresh test services (Kafka $KAFKA_VERSION, default 4.4.0) around it:
//   node scripts/with-services.mjs -- tsx bench/ingest.bench.ts
// The command inherits stdio and gets TOPIC_TABLES_SERVICES_FILE (read by test/support/testEnv.ts)
// and node_modules/.bin on PATH. The services are always stopped afterwards; exits with the
// command's exit code.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { CACHE_DIR, REPO_ROOT, down, up } from './lib/kafka-services.mjs'

const log = (msg) => process.stderr.write(`[with-services] ${msg}\n`)
const argv = process.argv.slice(2)
const command = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : argv

let interrupted = null
let child = null
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = signal
    if (child && child.exitCode === null) child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM')
  })
}

async function main() {
  if (command.length === 0) {
    log('usage: node scripts/with-services.mjs -- <command> [args...]')
    return 2
  }
  const stateFile = path.join(CACHE_DIR, `services-with-${process.pid}.json`)
  try {
    await up({ stateFile, ownerPid: process.pid, log })
    if (interrupted) return 130
    const env = {
      ...process.env,
      TOPIC_TABLES_SERVICES_FILE: stateFile,
      PATH: [path.join(REPO_ROOT, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(path.delimiter)
    }
    return await new Promise((resolve) => {
      child = spawn(command[0], command.slice(1), { stdio: 'inherit', env })
      child.on('error', (err) => {
        log(`cannot run ${command[0]}: ${err.message}`)
        resolve(127)
      })
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 1 : 1)))
    })
  } catch (err) {
    log(err.message)
    return 1
  } finally {
    await down({ stateFile, log }).catch((err) => log(`stopping services failed: ${err.message}`))
  }
}

main().then((code) => process.exit(interrupted && code === 0 ? 130 : code))
