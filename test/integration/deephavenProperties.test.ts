import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, simpleSpec, TableType, type ConsumeOptions } from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

let topic: string
beforeAll(async () => {
  topic = await createTopic(uniqueTopic('props'), 1)
  const price = Buffer.alloc(8)
  price.writeDoubleBE(101.25)
  await produce(topic, [
    { key: 'AAPL', value: price, timestamp: 1_700_000_000_123 },
    { key: null, value: null, timestamp: 1_700_000_000_124 }
  ])
})

async function open(config: Record<string, string | null>, options: ConsumeOptions = {}) {
  const t = tables.track(await consume({ ...plaintextConfig(), ...config }, topic, { offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING, tableType: TableType.append(), ...options }))
  await waitForSize(t, 2)
  return t
}

describe('deephaven.* properties', () => {
  it("FROM_PROPERTIES takes key and value names and types from the properties, in Deephaven's column order", async () => {
    const t = await open({ 'deephaven.key.column.type': 'String', 'deephaven.value.column.type': 'double', 'deephaven.value.column.name': 'Price' })
    expect(t.columns).toEqual([
      { name: 'KafkaPartition', type: 'int32' },
      { name: 'KafkaOffset', type: 'int64' },
      { name: 'KafkaTimestamp', type: 'timestamp' },
      { name: 'KafkaKey', type: 'string' },
      { name: 'Price', type: 'float64' }
    ])
    expect(t.rows()).toEqual([
      { KafkaPartition: 0, KafkaOffset: 0n, KafkaTimestamp: 1_700_000_000_123_000_000n, KafkaKey: 'AAPL', Price: 101.25 },
      { KafkaPartition: 0, KafkaOffset: 1n, KafkaTimestamp: 1_700_000_000_124_000_000n, KafkaKey: null, Price: null }
    ])
  })

  it('infers types from key.deserializer and value.deserializer class names, StringDeserializer included', async () => {
    const t = await open({
      'key.deserializer': 'org.apache.kafka.common.serialization.StringDeserializer',
      'value.deserializer': 'org.apache.kafka.common.serialization.DoubleDeserializer'
    })
    expect(t.columns.slice(3)).toEqual([
      { name: 'KafkaKey', type: 'string' },
      { name: 'KafkaValue', type: 'float64' }
    ])
    expect(t.rows()[0]).toMatchObject({ KafkaKey: 'AAPL', KafkaValue: 101.25 })
  })

  it('renames and drops the common columns and adds the opt-in ones', async () => {
    const before = Date.now()
    const t = await open(
      {
        'deephaven.partition.column.name': '',
        'deephaven.offset.column.name': 'Offset',
        'deephaven.timestamp.column.name': null,
        'deephaven.receivetime.column.name': 'ReceivedAt',
        'deephaven.keybytes.column.name': 'KeySize',
        'deephaven.valuebytes.column.name': 'ValueSize'
      },
      { keySpec: simpleSpec('Sym', 'string'), valueSpec: KeyValueSpec.IGNORE }
    )
    expect(t.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Offset:int64', 'ReceivedAt:timestamp', 'KeySize:int32', 'ValueSize:int32', 'Sym:string'])
    const [first, second] = t.rows()
    expect(first).toMatchObject({ Offset: 0n, KeySize: 4, ValueSize: 8, Sym: 'AAPL' })
    expect(second).toMatchObject({ KeySize: null, ValueSize: null, Sym: null })
    const received = Number((first.ReceivedAt as bigint) / 1_000_000n)
    expect(received).toBeGreaterThanOrEqual(before)
    expect(received).toBeLessThanOrEqual(Date.now())
  })

  it('says how to give a type when none is known', async () => {
    await expect(consume(plaintextConfig(), topic, {})).rejects.toThrow(/Unable to find the type for column 'KafkaKey' \(keySpec\).*deephaven\.key\.column\.type/)
  })

  it('refuses two IGNORE specs', async () => {
    await expect(consume(plaintextConfig(), topic, { keySpec: KeyValueSpec.IGNORE, valueSpec: KeyValueSpec.IGNORE })).rejects.toThrow(/must be different from KeyValueSpec.IGNORE/)
  })
})
