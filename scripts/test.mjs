#!/usr/bin/env node
// The project's test command (`npm test`):
//   1. checks prerequisites (Java ≥ 17, Maven when jars must be fetched, openssl),
//   2. fetches the Kafka jars ($KAFKA_VERSION, default 4.4.0) into .cache/kafka/<version>/libs,
//   3. starts a real Kafka broker and the test schema registry (Apicurio from Maven Central behind an
//      authenticating proxy; scripts/lib/registry-services.mjs), runs
//      `vitest run --project unit --project integration`, stops them,
//   4. with $CI set or $TEST_KAFKA_MATRIX given (comma-separated versions; CI default: 4.0.0), repeats
//      up → `vitest run --project integration` → down for each extra Kafka version.
// The broker is always stopped, also on failures and SIGINT/SIGTERM. Extra arguments go to vitest.
// $KAFKA_BOOTSTRAP: use that cluster instead of starting one (PLAINTEXT only; no matrix).
// $REGISTRY_URL: use that registry instead of Apicurio; $TOPIC_TABLES_NO_REGISTRY=1: no registry.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  CACHE_DIR,
  REPO_ROOT,
  checkJava,
  checkMaven,
  checkOpenssl,
  down,
  fetchKafka,
  isFetched,
  kafkaVersion,
  up
} from './lib/kafka-services.mjs'
import { externalRegistryUrl, fetchApicurio, isApicurioFetched, registryWanted, resolveApicurio } from './lib/registry-services.mjs'

const log = (msg) => process.stderr.write(`[test] ${msg}\n`)
const vitestArgs = process.argv.slice(2)
const truthy = (v) => v !== undefined && v !== '' && !['0', 'false', 'no'].includes(v.toLowerCase())
const external = process.env.KAFKA_BOOTSTRAP?.trim()

let interrupted = null
let child = null
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = signal
    log(`${signal} received: stopping the tests and the Kafka broker ...`)
    if (child && child.exitCode === null) child.kill('SIGTERM')
  })
}

function versionsToRun() {
  const primary = kafkaVersion()
  const matrixEnv = process.env.TEST_KAFKA_MATRIX
  let extras = []
  if (matrixEnv !== undefined && matrixEnv.trim() !== '') extras = matrixEnv.split(',').map((v) => v.trim()).filter(Boolean)
  else if (truthy(process.env.CI)) extras = ['4.0.0']
  extras = [...new Set(extras)].filter((v) => v !== primary)
  if (external && extras.length) {
    log(`KAFKA_BOOTSTRAP is set: skipping the Kafka version matrix (${extras.join(', ')})`)
    extras = []
  }
  return [
    { version: primary, projects: ['unit', 'integration', 'e2e'] },
    ...extras.map((version) => ({ version, projects: ['integration'] }))
  ]
}

async function checkPrerequisites(runs, apicurio) {
  const problems = []
  if (external) {
    if (apicurio && !isApicurioFetched(apicurio.version)) {
      const mvn = await checkMaven()
      if (!mvn.ok) problems.push(mvn.message)
    }
    return problems
  }
  const java = await checkJava()
  if (java.ok) log(`prerequisite: ${java.message}`)
  else problems.push(java.message)
  const openssl = await checkOpenssl()
  if (!openssl.ok) problems.push(openssl.message)
  if (runs.some((r) => !isFetched(r.version)) || (apicurio && !isApicurioFetched(apicurio.version))) {
    const mvn = await checkMaven()
    if (mvn.ok) log(`prerequisite: ${mvn.message}`)
    else problems.push(mvn.message)
  }
  return problems
}

function runVitest(projects, env) {
  const local = path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest')
  const [cmd, pre] = fs.existsSync(local) ? [local, []] : ['npx', ['vitest']]
  const args = [...pre, 'run', ...projects.flatMap((p) => ['--project', p]), ...vitestArgs]
  log(`$ vitest ${args.slice(pre.length).join(' ')}`)
  return new Promise((resolve) => {
    child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit', env })
    child.on('error', (err) => {
      log(`cannot run vitest: ${err.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  }).finally(() => {
    child = null
  })
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

async function main() {
  const runs = versionsToRun()
  // The test schema registry: which Apicurio runs on which Java (3.3.3 on Java ≥ 21, else 3.0.9 on 17).
  let apicurio = null
  if (registryWanted() && !externalRegistryUrl()) {
    try {
      apicurio = await resolveApicurio({ log })
      log(`prerequisite: Apicurio Registry ${apicurio.version} on Java ${apicurio.java.version} (${apicurio.java.cmd})`)
    } catch (err) {
      log(`missing prerequisite: ${err.message}`)
      return 2
    }
  }
  const problems = await checkPrerequisites(runs, apicurio)
  if (problems.length) {
    for (const p of problems) log(`missing prerequisite: ${p}`)
    return 2
  }
  if (apicurio) {
    try {
      const f = await fetchApicurio(apicurio.version, { log })
      log(
        f.fetched
          ? `Apicurio ${apicurio.version} fetched (${(f.bytes / 1e6).toFixed(1)} MB) in ${seconds(f.ms)}`
          : `Apicurio ${apicurio.version}: cached`
      )
    } catch (err) {
      log(`fetching Apicurio failed: ${err.message}`)
      return 1
    }
  }

  const results = []
  for (const run of runs) {
    if (interrupted) break
    const label = `Kafka ${external ? `external cluster ${external}` : run.version}`
    const result = { label, projects: run.projects.join('+'), ok: false, note: '' }
    results.push(result)
    process.stderr.write(`\n[test] ===== ${label}: ${result.projects} =====\n`)
    const stateFile = path.join(CACHE_DIR, `services-test-${process.pid}.json`)
    try {
      if (!external) {
        const f = await fetchKafka(run.version, { log })
        log(f.fetched ? `Kafka ${run.version} jars fetched in ${seconds(f.ms)}` : `Kafka ${run.version} jars: cached`)
      }
      if (interrupted) break
      const started = Date.now()
      const state = await up({ version: run.version, stateFile, ownerPid: process.pid, log })
      result.note = `services up in ${seconds(Date.now() - started)}`
      if (interrupted) break
      const t = Date.now()
      const code = await runVitest(run.projects, {
        ...process.env,
        TOPIC_TABLES_SERVICES_FILE: stateFile,
        KAFKA_VERSION: state.kafkaVersion === 'external' ? (process.env.KAFKA_VERSION ?? '') : state.kafkaVersion
      })
      result.ok = code === 0 && !interrupted
      result.note += `, vitest ${seconds(Date.now() - t)}${code === 0 ? '' : ` (exit ${code})`}`
    } catch (err) {
      result.note = err.message.split('\n')[0]
      log(`${label}: ${err.message}`)
    } finally {
      await down({ stateFile, log }).catch((err) => log(`stopping services failed: ${err.message}`))
    }
  }

  process.stderr.write('\n[test] ===== summary =====\n')
  for (const r of results) {
    process.stderr.write(`[test] ${r.ok ? 'PASS' : 'FAIL'}  ${r.label}  (${r.projects})  ${r.note}\n`)
  }
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143
  return results.length > 0 && results.every((r) => r.ok) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`failed: ${err.stack ?? err}`)
    process.exit(1)
  }
)
