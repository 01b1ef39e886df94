// Global setup of the `integration` vitest project.
//
// * Started by `npm test` (scripts/test.mjs) or `scripts/with-services.mjs`: the state file named by
//   $TOPIC_TABLES_SERVICES_FILE exists and its broker runs → nothing to do, no teardown.
// * A developer ran `npx vitest run --project integration` after `npm run services:up`: the default
//   state file (.cache/services.json) describes a running broker → reuse it, no teardown.
// * Otherwise: start the services here (same code as scripts/services.mjs) into a per-run state file
//   and stop them at teardown. A watchdog stops the broker should this vitest process die first.
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { CACHE_DIR, down, isRunning, readState, stateFilePath, up } from '../../scripts/lib/kafka-services.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    topicTablesServicesFile: string
  }
}

const log = (msg: string): void => {
  process.stderr.write(`[integration globalSetup] ${msg}\n`)
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const explicit = process.env.TOPIC_TABLES_SERVICES_FILE?.trim()
  const candidate = stateFilePath()
  const existing = readState(candidate)
  if (existing && isRunning(existing)) {
    if (!explicit) log(`reusing running services from ${candidate} (Kafka ${existing.kafkaVersion})`)
    process.env.TOPIC_TABLES_SERVICES_FILE = candidate
    project.provide('topicTablesServicesFile', candidate)
    return
  }
  if (existing) log(`ignoring stale state file ${candidate} (its broker is gone)`)

  const stateFile = explicit ? path.resolve(explicit) : path.join(CACHE_DIR, `services-vitest-${process.pid}.json`)
  log(`starting Kafka for this run (state file ${stateFile})`)
  const state = await up({ stateFile, ownerPid: process.pid, log })
  process.env.TOPIC_TABLES_SERVICES_FILE = stateFile
  project.provide('topicTablesServicesFile', stateFile)
  log(`Kafka ${state.kafkaVersion} at ${state.bootstrap.PLAINTEXT}`)
  return async () => {
    await down({ stateFile, log })
  }
}
