// Ingest benchmark: consume() into an append table against a bare kafkajs consumer that only counts messages,
// both reading the same 1,000,000 records (string key from ~1,000 symbols, float64 value, 4 partitions).
// Run with `npm run bench:ingest` (starts a broker) or against a running one with
// `node scripts/run-bench.mjs bench/ingest.bench.ts` with TOPIC_TABLES_SERVICES_FILE or KAFKA_BOOTSTRAP set (bundled: a TS loader would skew it).
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Kafka, logLevel, Partitioners } from 'kafkajs'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, simpleSpec, TableType, type Table } from '../src/main/core'
import { createTopic, plaintextConfig, uniqueTopic } from '../test/support/testEnv'
import { heldBytes } from './lib/heldBytes'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const PARTITIONS = 4
const SYMBOLS = 1000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)


async function produceRecords(topic: string, bootstrap: string): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
  await producer.connect()
  const symbols = Array.from({ length: SYMBOLS }, (_, i) => `SYM${String(i).padStart(4, '0')}`)
  const batch = 10_000
  for (let start = 0; start < RECORDS; start += batch * 4) {
    const sends: Promise<unknown>[] = []
    for (let b = start; b < Math.min(start + batch * 4, RECORDS); b += batch) {
      const messages = []
      for (let i = b; i < Math.min(b + batch, RECORDS); i++) {
        const value = Buffer.allocUnsafe(8)
        value.writeDoubleBE(100 + (i % 997) / 7)
        messages.push({ key: symbols[i % SYMBOLS], value, partition: i % PARTITIONS })
      }
      sends.push(producer.send({ topic, acks: 1, messages }))
    }
    await Promise.all(sends)
  }
  await producer.disconnect()
}

async function bareKafkajs(topic: string, bootstrap: string): Promise<number> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `bench-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 500, maxBytesPerPartition: 1_048_576, maxBytes: 52_428_800 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  let count = 0
  const started = performance.now()
  let finished = 0
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        count += batch.messages.length
        if (count >= RECORDS && finished === 0) {
          finished = performance.now()
          resolve()
        }
      }
    })
  })
  await consumer.disconnect()
  return RECORDS / ((finished - started) / 1000)
}

async function ourConsume(topic: string): Promise<{ rowsPerSecond: number; table: Table; loopDelayP99: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const started = performance.now()
  const table = await consume(plaintextConfig(), topic, {
    offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
    keySpec: simpleSpec('Symbol', 'string'),
    valueSpec: simpleSpec('Price', 'float64'),
    tableType: TableType.append()
  })
  await new Promise<void>((resolve) => {
    const stop = table.onUpdate((u) => {
      if (u.size >= RECORDS) {
        stop()
        resolve()
      }
    })
  })
  const seconds = (performance.now() - started) / 1000
  delay.disable()
  await table.close()
  return { rowsPerSecond: RECORDS / seconds, table, loopDelayP99: delay.percentile(99) / 1e6 }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

async function main(): Promise<void> {
  const config = plaintextConfig()
  const bootstrap = config['bootstrap.servers']
  const topic = await createTopic(uniqueTopic('bench-ingest'), PARTITIONS)
  const produceStart = performance.now()
  await produceRecords(topic, bootstrap)
  console.log(`produced ${fmt(RECORDS)} records to ${topic} in ${((performance.now() - produceStart) / 1000).toFixed(1)} s`)

  const bare: number[] = []
  const ours: number[] = []
  const delays: number[] = []
  let bytesPerRow = 0
  for (let round = 0; round < ROUNDS; round++) {
    const before = heldBytes()
    let result: Awaited<ReturnType<typeof ourConsume>> | null = await ourConsume(topic)
    bytesPerRow = (heldBytes() - before) / result.table.size
    const engineBytesPerRow = result.table.stats.totalRows > 0 ? (result.table as unknown as { parts: { table: { memoryBytes(): number } } }).parts.table.memoryBytes() / result.table.size : 0
    ours.push(result.rowsPerSecond)
    delays.push(result.loopDelayP99)
    const loopDelay = result.loopDelayP99
    result = null
    bare.push(await bareKafkajs(topic, bootstrap))
    console.log(
      `round ${round + 1}: consume() ${fmt(ours.at(-1)!)} rows/s, bare kafkajs ${fmt(bare.at(-1)!)} rows/s; table holds ${bytesPerRow.toFixed(1)} bytes/row (engine count ${engineBytesPerRow.toFixed(1)}); loop delay p99 ${loopDelay.toFixed(1)} ms`
    )
  }
  const best = (xs: number[]) => Math.max(...xs)
  const bareBest = best(bare)
  const oursBest = best(ours)
  const loopDelayP99 = Math.min(...delays)
  console.log(`best of ${ROUNDS}: bare ${fmt(bareBest)} rows/s, consume() ${fmt(oursBest)} rows/s, ratio ${(oursBest / bareBest).toFixed(2)} (target >= 0.8); ${bytesPerRow.toFixed(1)} bytes/row (target <= 40)`)
  console.log(
    `RESULT bare_rows_per_s=${Math.round(bareBest)} consume_rows_per_s=${Math.round(oursBest)} ratio=${(oursBest / bareBest).toFixed(3)} bytes_per_row=${bytesPerRow.toFixed(1)} loop_delay_p99_ms=${loopDelayP99.toFixed(1)}`
  )
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
