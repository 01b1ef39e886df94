import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, simpleSpec, TableType, type ColumnType } from '../../src/main/core'
import { libsDir } from '../../scripts/lib/kafka-services.mjs'
import { bootstrap, createTopic, plaintextConfig, services, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const javaLibs = () => libsDir(services().kafkaVersion)
const hasJavaClient = () => services().kind === 'local' && existsSync(javaLibs())
let prefix: string

async function read(topic: string, type: ColumnType, count: number) {
  const t = tables.track(
    await consume(plaintextConfig(), topic, {
      offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
      keySpec: simpleSpec('K', 'string'),
      valueSpec: simpleSpec('V', type),
      tableType: TableType.append()
    })
  )
  await waitForSize(t, count)
  return t.rows()
}

describe.runIf(hasJavaClient())("records written by Kafka's Java serializers", () => {
  beforeAll(async () => {
    prefix = uniqueTopic('java')
    const producer = join(__dirname, '../support/java/JavaSerializersProducer.java')
    execFileSync('java', ['-cp', `${javaLibs()}/*`, producer, bootstrap(), prefix], { stdio: 'pipe', timeout: 120_000 })
  }, 150_000)

  it('int16, int32 and int64, big-endian, at their extremes', async () => {
    expect((await read(`${prefix}-int16`, 'int16', 6)).map((r) => r.V)).toEqual([0, 1, -1, 32767, -32768, null])
    expect((await read(`${prefix}-int32`, 'int32', 6)).map((r) => r.V)).toEqual([0, 1, -1, 2147483647, -2147483648, null])
    expect((await read(`${prefix}-int64`, 'int64', 6)).map((r) => r.V)).toEqual([0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n, null])
  })

  it('float32 and float64', async () => {
    expect((await read(`${prefix}-float32`, 'float32', 6)).map((r) => r.V)).toEqual([0, 1.5, -2.25, 3.4028234663852886e38, 1.401298464324817e-45, null])
    expect((await read(`${prefix}-float64`, 'float64', 6)).map((r) => r.V)).toEqual([0, 1.5, -2.25, Number.MAX_VALUE, Number.MIN_VALUE, null])
  })

  it('UTF-8 strings, raw bytes, booleans and UUID text', async () => {
    expect((await read(`${prefix}-string`, 'string', 5)).map((r) => r.V)).toEqual(['', 'hello', 'grüße 東京 🚀', 'tab\tnew\nline', null])
    expect((await read(`${prefix}-bytes`, 'bytes', 3)).map((r) => r.V)).toEqual([new Uint8Array(0), new Uint8Array([0, 1, 255, 127]), null])
    expect((await read(`${prefix}-bool`, 'bool', 3)).map((r) => r.V)).toEqual([true, false, null])
    const uuid = await read(`${prefix}-uuid`, 'string', 2)
    expect(uuid.map((r) => r.V)).toEqual(['123e4567-e89b-12d3-a456-426614174000', null])
  })

  it('keys from StringSerializer and the record timestamps', async () => {
    const rows = await read(`${prefix}-int32`, 'int32', 6)
    expect(rows.map((r) => r.K)).toEqual(['0', '1', '2', '3', '4', '5'])
    expect(rows.map((r) => r.KafkaTimestamp)).toEqual([0, 1, 2, 3, 4, 5].map((i) => BigInt(1_700_000_000_000 + i) * 1_000_000n))
  })
})

const hasKcat = () => {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}

describe.runIf(hasKcat())('records produced by kcat', () => {
  it('reads keys and values kcat wrote', async () => {
    const topic = await createTopic(uniqueTopic('kcat'), 1)
    const lines = ['AAPL:189.5', 'MSFT:411.25', 'GOOG:']
    execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-K', ':', '-p', '0', '-Z'], { input: lines.join('\n') + '\n', timeout: 30_000 })
    const rows = await read(topic, 'string', 3)
    expect(rows.map((r) => [r.K, r.V])).toEqual([
      ['AAPL', '189.5'],
      ['MSFT', '411.25'],
      ['GOOG', null]
    ])
  })
})
