import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, simpleSpec, TableType, type Table } from '../../src/main/core'
import { libsDir } from '../../scripts/lib/kafka-services.mjs'
import { bootstrap, createTopic, kafkaFor, plaintextConfig, services, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const CODECS = ['gzip', 'snappy', 'lz4', 'zstd'] as const

async function readAll(topic: string, count: number, config: Record<string, string> = {}): Promise<Table> {
  const t = tables.track(
    await consume({ ...plaintextConfig(), ...config }, topic, {
      offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
      keySpec: simpleSpec('K', 'string'),
      valueSpec: simpleSpec('V', 'string'),
      tableType: TableType.append()
    })
  )
  await waitForSize(t, count)
  return t
}

const javaLibs = () => libsDir(services().kafkaVersion)

describe.runIf(services().kind === 'local' && existsSync(javaLibs()))('batches compressed by the Java producer', () => {
  let prefix: string
  beforeAll(() => {
    prefix = uniqueTopic('java-codec')
    execFileSync('java', ['-cp', `${javaLibs()}/*`, join(__dirname, '../support/java/JavaSerializersProducer.java'), bootstrap(), prefix], { stdio: 'pipe', timeout: 120_000 })
  }, 150_000)

  it.each(CODECS)('%s', async (codec) => {
    const t = await readAll(`${prefix}-${codec}`, 500)
    const rows = t.rows()
    expect(t.errors).toEqual([])
    expect(rows.map((r) => r.KafkaOffset)).toEqual(Array.from({ length: 500 }, (_, i) => BigInt(i)))
    expect(rows[499]).toMatchObject({ K: 'k499', V: `${codec} record 499 ${'x'.repeat(499 % 50)}` })
  })
})

describe('batches compressed by kcat (librdkafka)', () => {
  it.each(CODECS)('%s', async (codec) => {
    const topic = await createTopic(uniqueTopic(`kcat-${codec}`), 1)
    const lines = Array.from({ length: 300 }, (_, i) => `k${i}:value ${i} ${'y'.repeat(i % 40)}`)
    execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-K', ':', '-p', '0', '-z', codec], { input: lines.join('\n') + '\n', timeout: 30_000 })
    const t = await readAll(topic, 300)
    expect(t.rows().map((r) => `${r.K}:${r.V}`)).toEqual(lines)
  })
})

describe('transactions', () => {
  let topic: string
  beforeAll(async () => {
    topic = await createTopic(uniqueTopic('txn'), 1)
    const producer = kafkaFor().producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 })
    await producer.connect()
    for (const [label, outcome] of [
      ['a', 'commit'],
      ['b', 'abort'],
      ['c', 'commit']
    ] as const) {
      const txn = await producer.transaction()
      await txn.send({ topic, messages: [0, 1, 2].map((i) => ({ key: label, value: `${label}${i}`, partition: 0 })) })
      if (outcome === 'commit') await txn.commit()
      else await txn.abort()
    }
    await producer.disconnect()
  })

  it('read_committed skips aborted records and control markers', async () => {
    const t = await readAll(topic, 6, { 'isolation.level': 'read_committed' })
    await waitFor(() => t.stats.partitions[0]?.lag === 0, 'the end of the partition')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(t.rows().map((r) => r.V)).toEqual(['a0', 'a1', 'a2', 'c0', 'c1', 'c2'])
  })

  it('read_uncommitted (the default) shows aborted records too, but never control markers', async () => {
    const t = await readAll(topic, 9)
    await waitFor(() => t.stats.partitions[0]?.lag === 0, 'the end of the partition')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(t.rows().map((r) => r.V)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'c0', 'c1', 'c2'])
  })
})
