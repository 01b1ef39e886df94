import { describe, expect, it } from 'vitest'
import { KafkaConfigError, translateKafkaConfig, type KafkaProperties } from '../config'

const BASE = { 'bootstrap.servers': 'localhost:9092' }

function table(props: KafkaProperties) {
  return translateKafkaConfig({ ...BASE, ...props }).table
}

function problems(props: KafkaProperties): { key: string; problem: string }[] {
  try {
    translateKafkaConfig({ ...BASE, ...props })
  } catch (e) {
    if (e instanceof KafkaConfigError) return e.problems
    throw e
  }
  return []
}

describe('Deephaven column properties', () => {
  it('uses the default columns when absent', () => {
    expect(table({})).toMatchObject({
      partitionColumn: 'KafkaPartition',
      offsetColumn: 'KafkaOffset',
      timestampColumn: 'KafkaTimestamp',
      receiveTimeColumn: null,
      keyBytesColumn: null,
      valueBytesColumn: null,
      keyColumnName: 'KafkaKey',
      valueColumnName: 'KafkaValue'
    })
  })

  it('drops a default column for "" or null', () => {
    expect(table({ 'deephaven.partition.column.name': '', 'deephaven.offset.column.name': null, 'deephaven.timestamp.column.name': '' })).toMatchObject({
      partitionColumn: null,
      offsetColumn: null,
      timestampColumn: null
    })
  })

  it('renames default columns and adds the optional ones when named', () => {
    expect(
      table({
        'deephaven.partition.column.name': 'P',
        'deephaven.offset.column.name': 'Off',
        'deephaven.timestamp.column.name': 'Ts',
        'deephaven.receivetime.column.name': 'Received',
        'deephaven.keybytes.column.name': 'KeyBytes',
        'deephaven.valuebytes.column.name': 'ValueBytes'
      })
    ).toMatchObject({
      partitionColumn: 'P',
      offsetColumn: 'Off',
      timestampColumn: 'Ts',
      receiveTimeColumn: 'Received',
      keyBytesColumn: 'KeyBytes',
      valueBytesColumn: 'ValueBytes'
    })
  })

  it('keeps optional columns absent for "" or null', () => {
    expect(table({ 'deephaven.receivetime.column.name': '', 'deephaven.keybytes.column.name': null })).toMatchObject({
      receiveTimeColumn: null,
      keyBytesColumn: null
    })
  })

  it('rejects non-text, blank and duplicate column names', () => {
    expect(problems({ 'deephaven.offset.column.name': 7 })[0]).toMatchObject({ key: 'deephaven.offset.column.name' })
    expect(problems({ 'deephaven.offset.column.name': '  ' })[0]!.problem).toContain('blank')
    expect(problems({ 'deephaven.offset.column.name': 'KafkaPartition' })).toEqual([
      { key: 'deephaven.offset.column.name', problem: expect.stringContaining('deephaven.partition.column.name (by default)') }
    ])
  })

  it('names the key and value columns', () => {
    expect(table({ 'deephaven.key.column.name': 'Symbol', 'deephaven.value.column.name': 'Price' })).toMatchObject({
      keyColumnName: 'Symbol',
      valueColumnName: 'Price'
    })
    expect(table({ 'deephaven.key.column.name': null }).keyColumnName).toBe('KafkaKey')
    expect(problems({ 'deephaven.key.column.name': '' })[0]!.problem).toContain('KafkaKey')
  })

  it.each([
    ['short', 'int16'],
    ['int', 'int32'],
    ['long', 'int64'],
    ['float', 'float32'],
    ['double', 'float64'],
    ['byte[]', 'bytes'],
    ['String', 'string'],
    ['string', 'string'],
    ['int16', 'int16'],
    ['int32', 'int32'],
    ['int64', 'int64'],
    ['float32', 'float32'],
    ['float64', 'float64'],
    ['bool', 'bool'],
    ['boolean', 'bool'],
    ['bytes', 'bytes'],
    ['timestamp', 'timestamp'],
    ['Instant', 'timestamp']
  ])('maps column type %s to %s', (name, type) => {
    expect(table({ 'deephaven.key.column.type': name, 'deephaven.value.column.type': ` ${name} ` })).toMatchObject({
      keyColumnType: type,
      valueColumnType: type
    })
  })

  it('lists the accepted values for an unknown column type', () => {
    const p = problems({ 'deephaven.value.column.type': 'char' })
    expect(p).toEqual([{ key: 'deephaven.value.column.type', problem: expect.stringContaining('short, int, long, float, double, byte[], String') }])
    expect(p[0]!.problem).toContain('timestamp')
  })
})

describe('deserializer type inference', () => {
  it.each([
    ['ShortDeserializer', 'int16'],
    ['IntegerDeserializer', 'int32'],
    ['LongDeserializer', 'int64'],
    ['FloatDeserializer', 'float32'],
    ['DoubleDeserializer', 'float64'],
    ['StringDeserializer', 'string'],
    ['ByteArrayDeserializer', 'bytes'],
    ['ByteBufferDeserializer', 'bytes'],
    ['BytesDeserializer', 'bytes'],
    ['UUIDDeserializer', 'string'],
    ['BooleanDeserializer', 'bool']
  ])('infers %s as %s, with or without the package', (cls, type) => {
    expect(table({ 'key.deserializer': `org.apache.kafka.common.serialization.${cls}`, 'value.deserializer': cls })).toMatchObject({
      keyColumnType: type,
      valueColumnType: type
    })
  })

  it('leaves the types unset when nothing says', () => {
    const t = table({})
    expect(t.keyColumnType).toBeUndefined()
    expect(t.valueColumnType).toBeUndefined()
    expect('keyColumnType' in t).toBe(false)
  })

  it('prefers deephaven.*.column.type over the deserializer', () => {
    expect(
      table({
        'value.deserializer': 'org.apache.kafka.common.serialization.StringDeserializer',
        'deephaven.value.column.type': 'double'
      }).valueColumnType
    ).toBe('float64')
  })

  it('rejects other deserializer classes, explaining that the spec chooses the type', () => {
    const p = problems({ 'value.deserializer': 'io.confluent.kafka.serializers.KafkaAvroDeserializer', 'key.deserializer': 'com.example.Serdes.Wrapper' })
    expect(p.map((x) => x.key)).toEqual(['key.deserializer', 'value.deserializer'])
    expect(p[1]!.problem).toContain('decodes records itself')
    expect(p[1]!.problem).toContain('deephaven.value.column.type')
    expect(problems({ 'key.deserializer': 'org.apache.kafka.common.serialization.VoidDeserializer' })).toHaveLength(1)
    expect(problems({ 'key.deserializer': 'toString' })).toHaveLength(1)
  })

  it('accepts only UTF-8 encodings', () => {
    expect(() =>
      table({ 'key.deserializer.encoding': 'UTF-8', 'value.deserializer.encoding': 'utf8', 'deserializer.encoding': 'utf-8' })
    ).not.toThrow()
    const p = problems({ 'key.deserializer.encoding': 'ISO-8859-1', 'deserializer.encoding': 'UTF-16' })
    expect(p.map((x) => x.key)).toEqual(['key.deserializer.encoding', 'deserializer.encoding'])
    expect(p[0]!.problem).toContain('UTF-8')
  })
})
