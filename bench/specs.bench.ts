// JSON, Avro and Protobuf ingest: consume() into an append table against a bare kafkajs consumer that decodes each
// payload with JSON.parse / avsc / protobufjs into a plain object it throws away, on the same topic, in one run.
// The same 8-field row in each format (about 110 bytes as JSON). Avro is read with framing 'none' and Protobuf with
// protocol 'raw', so both sides do the same work per record (a registry lookup happens once per schema id anyway).
import { randomBytes } from 'node:crypto'
import * as avscNamespace from 'avsc'
import { Kafka, logLevel, Partitioners } from 'kafkajs'
import protobuf from 'protobufjs'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, avroSpec, consume, jsonSpec, KeyValueSpec, protobufSpec, TableType, type KeyValueSpec as Spec } from '../src/main/core'
import { createTopic, plaintextConfig, uniqueTopic } from '../test/support/testEnv'
import { heldBytes } from './lib/heldBytes'

const avro = (avscNamespace as unknown as { default?: typeof avscNamespace }).default ?? avscNamespace
const RECORDS = Number(process.env.BENCH_RECORDS ?? 500_000)
const PARTITIONS = 4

const AVRO_SCHEMA = {
  type: 'record',
  name: 'Tick',
  fields: [
    { name: 'sym', type: 'string' },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'seq', type: 'long' },
    { name: 'px', type: 'double' },
    { name: 'qty', type: 'int' },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL'] } },
    { name: 'venue', type: 'string' },
    { name: 'flag', type: 'boolean' }
  ]
}
const PROTO = `syntax = "proto3";
package bench;
enum Side { BUY = 0; SELL = 1; }
message Tick { string sym = 1; int64 ts = 2; int64 seq = 3; double px = 4; int32 qty = 5; Side side = 6; string venue = 7; bool flag = 8; }`

const avroType = avro.Type.forSchema(AVRO_SCHEMA as never)
const protoType = protobuf.parse(PROTO).root.lookupType('bench.Tick')

interface Row {
  sym: string
  ts: number
  seq: number
  px: number
  qty: number
  side: 'BUY' | 'SELL'
  venue: string
  flag: boolean
}

function row(i: number): Row {
  return { sym: `SYM${i % 1000}`, ts: 1_700_000_000_000 + i, seq: i, px: 100 + (i % 997) / 8, qty: i % 500, side: i % 2 ? 'SELL' : 'BUY', venue: `V${i % 10}`, flag: i % 3 === 0 }
}

const FORMATS = {
  json: {
    encode: (r: Row) => Buffer.from(JSON.stringify(r)),
    decode: (b: Buffer) => JSON.parse(b.toString('utf8')),
    spec: (): Spec => jsonSpec({ sym: 'string', ts: 'timestamp', seq: 'int64', px: 'float64', qty: 'int32', side: 'string', venue: 'string', flag: 'bool' }),
    rawWidth: 2 + 8 + 8 + 8 + 4 + 2 + 2 + 1
  },
  avro: {
    encode: (r: Row) => avroType.toBuffer(r),
    decode: (b: Buffer) => avroType.fromBuffer(b),
    spec: (): Spec => avroSpec(JSON.stringify(AVRO_SCHEMA), { framing: 'none' }),
    rawWidth: 2 + 8 + 8 + 8 + 4 + 2 + 2 + 1
  },
  protobuf: {
    encode: (r: Row) => Buffer.from(protoType.encode(protoType.fromObject({ ...r, side: r.side === 'BUY' ? 0 : 1 })).finish()),
    decode: (b: Buffer) => protoType.decode(b),
    spec: (): Spec => protobufSpec({ proto: PROTO, messageName: 'bench.Tick' }, { protocol: 'raw' }),
    rawWidth: 2 + 8 + 8 + 8 + 4 + 2 + 2 + 1
  }
} as const

type Format = keyof typeof FORMATS


async function produce(topic: string, format: Format): Promise<number> {
  const kafka = new Kafka({ brokers: [plaintextConfig()['bootstrap.servers']], logLevel: logLevel.NOTHING })
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  let bytes = 0
  for (let start = 0; start < RECORDS; start += 40_000) {
    const sends = []
    for (let b = start; b < Math.min(start + 40_000, RECORDS); b += 10_000) {
      const messages = []
      for (let i = b; i < Math.min(b + 10_000, RECORDS); i++) {
        const value = FORMATS[format].encode(row(i))
        bytes += value.length
        messages.push({ value, partition: i % PARTITIONS })
      }
      sends.push(producer.send({ topic, acks: 1, messages }))
    }
    await Promise.all(sends)
  }
  await producer.disconnect()
  return bytes / RECORDS
}

async function bareLoop(topic: string, format: Format): Promise<number> {
  const kafka = new Kafka({ brokers: [plaintextConfig()['bootstrap.servers']], logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `bench-${randomBytes(6).toString('hex')}`, maxBytesPerPartition: 1_048_576, maxBytes: 52_428_800 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  const decode = FORMATS[format].decode
  let count = 0
  let sink: unknown = null
  const started = performance.now()
  let finished = 0
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) sink = decode(message.value as Buffer)
        count += batch.messages.length
        if (count >= RECORDS && finished === 0) {
          finished = performance.now()
          resolve()
        }
      }
    })
  })
  await consumer.disconnect()
  if (sink === undefined) console.log('')
  return RECORDS / ((finished - started) / 1000)
}

async function ours(topic: string, format: Format): Promise<{ rowsPerSecond: number; bytesPerRow: number; errors: number }> {
  const before = heldBytes()
  const started = performance.now()
  const table = await consume(plaintextConfig(), topic, {
    offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
    keySpec: KeyValueSpec.IGNORE,
    valueSpec: FORMATS[format].spec(),
    tableType: TableType.append(),
    ...{}
  })
  await new Promise<void>((resolve) => {
    const stop = table.onUpdate((u) => {
      if (u.size + table.stats.errorCount >= RECORDS) {
        stop()
        resolve()
      }
    })
  })
  const seconds = (performance.now() - started) / 1000
  await table.close()
  const bytesPerRow = (heldBytes() - before) / table.size
  return { rowsPerSecond: RECORDS / seconds, bytesPerRow, errors: table.stats.errorCount }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

async function main(): Promise<void> {
  const results: Record<string, string> = {}
  for (const format of Object.keys(FORMATS) as Format[]) {
    const topic = await createTopic(uniqueTopic(`bench-${format}`), PARTITIONS)
    const payload = await produce(topic, format)
    const bare = Math.max(await bareLoop(topic, format), await bareLoop(topic, format))
    const a = await ours(topic, format)
    const b = await ours(topic, format)
    const best = a.rowsPerSecond >= b.rowsPerSecond ? a : b
    // the kafkajs metadata the table columns carry: partition int32, offset int64, timestamp int64
    const raw = FORMATS[format].rawWidth + 4 + 8 + 8
    console.log(
      `${format}: ${payload.toFixed(1)} B/record; consume() ${fmt(best.rowsPerSecond)} rows/s vs bare kafkajs+decode ${fmt(bare)} rows/s (ratio ${(best.rowsPerSecond / bare).toFixed(2)}); ` +
        `${best.bytesPerRow.toFixed(1)} bytes/row held vs ${raw} raw column bytes (${(best.bytesPerRow / raw).toFixed(2)}x); ${best.errors} errors`
    )
    results[`${format}_ratio`] = (best.rowsPerSecond / bare).toFixed(3)
    results[`${format}_bytes_per_row`] = best.bytesPerRow.toFixed(1)
  }
  console.log(
    `RESULT json_ratio=${results.json_ratio} avro_ratio=${results.avro_ratio} protobuf_ratio=${results.protobuf_ratio} json_bytes_per_row=${results.json_bytes_per_row} avro_bytes_per_row=${results.avro_bytes_per_row} protobuf_bytes_per_row=${results.protobuf_bytes_per_row}`
  )
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
