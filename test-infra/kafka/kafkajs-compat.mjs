// Diagnostic: which request version kafkajs would send for each API it implements, against a broker,
// and whether the broker accepts it. Kafka 4.0 removed old protocol versions (KIP-896); kafkajs 2.2.4
// negotiates min(kafkajs max, broker max), so an API breaks when kafkajs's newest < the broker's oldest.
//   node test-infra/kafka/kafkajs-compat.mjs [host:port]   (default: PLAINTEXT of the running test services)
// test/integration/broker.test.ts asserts the same thing on every test run.
// No import of scripts/lib here: kafkajs must not be loaded before the lookup patch below.
import fs from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const requestsModule = require('kafkajs/src/protocol/requests')
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys')
// Capture the broker's ApiVersions: kafkajs's Broker calls lookup(versions) once connected.
let captured
const originalLookup = requestsModule.lookup
requestsModule.lookup = (versions) => {
  captured = versions
  return originalLookup(versions)
}
const { Kafka, logLevel } = require('kafkajs')

const stateFile = process.env.TOPIC_TABLES_SERVICES_FILE || new URL('../../.cache/services.json', import.meta.url)
const bootstrap = process.argv[2] ?? (fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')).bootstrap.PLAINTEXT : undefined)
if (!bootstrap) {
  console.error('usage: node test-infra/kafka/kafkajs-compat.mjs host:port   (or start the services first)')
  process.exit(2)
}
const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin()
await admin.connect()
await admin.disconnect()
const names = Object.fromEntries(Object.entries(apiKeys).map(([n, k]) => [k, n]))
const rows = []
let broken = 0
for (const [name, def] of Object.entries(requestsModule.requests)) {
  const implemented = def.versions.map(Number)
  if (implemented.length === 0) continue // kafkajs does not implement it
  const key = apiKeys[name]
  const broker = captured[key]
  const kafkajsMax = Math.max(...implemented)
  let verdict = 'ok'
  let sends = '-'
  if (!broker) verdict = 'BROKEN: broker does not support the API'
  else {
    sends = Math.min(kafkajsMax, broker.maxVersion)
    if (sends < broker.minVersion) verdict = `BROKEN: kafkajs max v${kafkajsMax} < broker min v${broker.minVersion}`
  }
  if (verdict !== 'ok') broken++
  rows.push({
    api: names[key] ?? name,
    key,
    kafkajs: `${Math.min(...implemented)}..${kafkajsMax}`,
    broker: broker ? `${broker.minVersion}..${broker.maxVersion}` : '-',
    sends,
    verdict
  })
}
console.table(rows)
process.exit(broken ? 1 : 0)
