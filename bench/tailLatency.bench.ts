// Produce-to-viewport latency through the engine worker: records carry their produce time; a view anchored at the
// table's end receives pushes, and each push's newest row gives now - produce time. Baseline in the same run: a bare
// kafkajs consumer reading the same kind of stream (produce -> fetch). Ends with one RESULT line.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { build } from 'esbuild'
import { Kafka, logLevel, Partitioners } from 'kafkajs'
import { tables } from '../src/shared/contracts/tables'
import { views } from '../src/shared/contracts/views'
import { createClient } from '../src/shared/ipc/client'
import { createTransportPair } from '../src/shared/ipc/memoryTransport'
import { startEngineWorker } from '../src/main/host/engineWorkerHost'
import { createTopic, plaintextConfig, uniqueTopic } from '../test/support/testEnv'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const BATCH = 200
const kafka = new Kafka({ brokers: [plaintextConfig()['bootstrap.servers']], logLevel: logLevel.NOTHING })

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN

/** Sends batches stamped with their send time for SECONDS; returns records/s. */
async function produceStamped(topic: string): Promise<number> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  const started = Date.now()
  let sent = 0
  while (Date.now() - started < SECONDS * 1000) {
    const now = Date.now()
    await producer.send({ topic, acks: 1, messages: Array.from({ length: BATCH }, () => ({ value: String(now) })) })
    sent += BATCH
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await producer.disconnect()
  return sent / ((Date.now() - started) / 1000)
}

async function bareConsumerLatency(): Promise<number[]> {
  const topic = await createTopic(uniqueTopic('tail-bare'), 1)
  const consumer = kafka.consumer({ groupId: `bench-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 500 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  const latencies: number[] = []
  await consumer.run({ eachBatch: async ({ batch }) => void latencies.push(Date.now() - Number(batch.messages.at(-1)!.value!.toString())) })
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await produceStamped(topic)
  await new Promise((resolve) => setTimeout(resolve, 500))
  await consumer.disconnect()
  return latencies
}

async function engineLatency(): Promise<{ latencies: number[]; pushesPerSecond: number; rate: number }> {
  const workerFile = join('.cache', 'bench', 'engineWorker.cjs')
  await build({ entryPoints: ['src/main/core/host/engineWorker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'warning' })
  const host = await startEngineWorker(join(process.cwd(), workerFile))
  const [client, server] = createTransportPair()
  host.attach(server)
  const api = createClient(client, { tables, views })
  const topic = await createTopic(uniqueTopic('tail-engine'), 1)
  const info = await api.tables.openTable({ properties: plaintextConfig(), topic, keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'ProducedAt', type: 'string' }, tableType: { kind: 'append' } })
  const { viewId } = await api.views.openView({ tableId: info.tableId, spec: { sort: [], filters: [] } })
  const latencies: number[] = []
  let pushes = 0
  api.views.onViewportData({ viewId }, (data) => {
    pushes++
    const newest = data.columns[data.columns.length - 1].values.at(-1)
    if (typeof newest === 'string') latencies.push(Date.now() - Number(newest))
  })
  await api.views.setViewport({ viewId, first: 0, last: 60, anchor: 'end' })
  const rate = await produceStamped(topic)
  await new Promise((resolve) => setTimeout(resolve, 500))
  client.close()
  await host.terminate()
  return { latencies, pushesPerSecond: pushes / SECONDS, rate }
}

async function main(): Promise<void> {
  const bare = await bareConsumerLatency()
  const engine = await engineLatency()
  const p50 = pct(engine.latencies, 50)
  const p99 = pct(engine.latencies, 99)
  console.log(`producing ~${Math.round(engine.rate).toLocaleString('en-US')} records/s; ${engine.pushesPerSecond.toFixed(1)} viewport pushes/s`)
  console.log(`produce -> viewport push (engine worker, view anchored at the end): p50 ${p50} ms, p99 ${p99} ms`)
  console.log(`baseline bare kafkajs consumer produce -> fetch: p50 ${pct(bare, 50)} ms, p99 ${pct(bare, 99)} ms (ratio p50 ${(p50 / pct(bare, 50)).toFixed(2)}, p99 ${(p99 / pct(bare, 99)).toFixed(2)})`)
  console.log(`RESULT tail_p50_ms=${p50} tail_p99_ms=${p99} bare_p50_ms=${pct(bare, 50)} bare_p99_ms=${pct(bare, 99)} pushes_per_s=${engine.pushesPerSecond.toFixed(1)} produce_rate=${Math.round(engine.rate)}`)
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
