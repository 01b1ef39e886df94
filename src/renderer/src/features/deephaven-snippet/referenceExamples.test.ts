import { describe, expect, it } from 'vitest'
import { translateDeephavenSnippet } from './translate'

// The consume examples of Deephaven's reference page (shared/reference/deephaven-consume-page.txt). The copy
// the project has lost some code lines (module paths, topics, keyword names); they are restored here as the
// published page has them.

const HEADER = `from deephaven import kafka_consumer as kc
from deephaven.stream.kafka.consumer import TableType, KeyValueSpec
import deephaven.dtypes as dht
`

describe('Deephaven reference page examples', () => {
  it('reads the minimal example: config and topic, everything else Deephaven defaults', () => {
    const result = translateDeephavenSnippet(`from deephaven import kafka_consumer as kc
from deephaven.stream.kafka.consumer import TableType, KeyValueSpec

result = kc.consume(
    {
        "bootstrap.servers": "redpanda:9092",
        "deephaven.key.column.type": "String",
        "deephaven.value.column.type": "String",
    },
    "testTopic",
)
`)
    expect(result.unmapped).toEqual([])
    expect(result.args).toEqual({
      properties: { 'bootstrap.servers': 'redpanda:9092', 'deephaven.key.column.type': 'String', 'deephaven.value.column.type': 'String' },
      topic: 'testTopic',
      partitions: 'ALL',
      offsets: { '-1': -2 },
      keySpec: { kind: 'fromProperties' },
      valueSpec: { kind: 'fromProperties' },
      tableType: { kind: 'blink' }
    })
    expect(result.notes.join('\n')).toContain("Deephaven's defaults")
  })

  it('reads simple key and value specs with ALL_PARTITIONS, DONT_SEEK and an append table', () => {
    const result = translateDeephavenSnippet(`${HEADER}
result = kc.consume(
    {"bootstrap.servers": "redpanda:9092"},
    "share_price",
    partitions=kc.ALL_PARTITIONS,
    offsets=kc.ALL_PARTITIONS_DONT_SEEK,
    key_spec=kc.simple_spec("Symbol", dht.string),
    value_spec=kc.simple_spec("Price", dht.double),
    table_type=TableType.append(),
)
`)
    expect(result.unmapped).toEqual([])
    expect(result.notes).toEqual([])
    expect(result.args).toEqual({
      properties: { 'bootstrap.servers': 'redpanda:9092' },
      topic: 'share_price',
      partitions: 'ALL',
      offsets: { '-1': -2 },
      keySpec: { kind: 'simple', columnName: 'Symbol', type: 'string' },
      valueSpec: { kind: 'simple', columnName: 'Price', type: 'float64' },
      tableType: { kind: 'append' }
    })
  })

  it('reads the example that drops the partition column and ignores keys, noting the None property', () => {
    const result = translateDeephavenSnippet(`${HEADER}
result = kc.consume(
    {"bootstrap.servers": "redpanda:9092", "deephaven.partition.column.name": None},
    "share_price",
    key_spec=KeyValueSpec.IGNORE,
    value_spec=kc.simple_spec("Price", dht.double),
)
`)
    expect(result.unmapped).toEqual([])
    expect(result.args).toMatchObject({
      properties: { 'bootstrap.servers': 'redpanda:9092', 'deephaven.partition.column.name': null },
      topic: 'share_price',
      keySpec: { kind: 'ignore' },
      valueSpec: { kind: 'simple', columnName: 'Price', type: 'float64' },
      tableType: { kind: 'blink' },
      offsets: { '-1': -2 }
    })
    expect(result.notes.some((n) => n.includes("'deephaven.partition.column.name' is None"))).toBe(true)
  })

  it('reads the JSON example with its column types and field mapping', () => {
    const result = translateDeephavenSnippet(`${HEADER}
result = kc.consume(
    {"bootstrap.servers": "redpanda:9092"},
    "orders",
    key_spec=KeyValueSpec.IGNORE,
    value_spec=kc.json_spec(
        {
            "Symbol": dht.string,
            "Side": dht.string,
            "Price": dht.double,
            "Qty": dht.int64,
        },
        mapping={
            "jsymbol": "Symbol",
            "jside": "Side",
            "jprice": "Price",
            "jqty": "Qty",
        },
    ),
    table_type=TableType.append(),
)
`)
    expect(result.unmapped).toEqual([])
    expect(result.args.valueSpec).toEqual({
      kind: 'json',
      columns: [
        { name: 'Symbol', type: 'string' },
        { name: 'Side', type: 'string' },
        { name: 'Price', type: 'float64' },
        { name: 'Qty', type: 'int64' }
      ],
      mapping: { jsymbol: 'Symbol', jside: 'Side', jprice: 'Price', jqty: 'Qty' }
    })
    expect(result.args).toMatchObject({ topic: 'orders', keySpec: { kind: 'ignore' }, tableType: { kind: 'append' } })
  })

  it('names the object processor spec and the chained rename_columns as unmapped, keeping the rest', () => {
    const result = translateDeephavenSnippet(`from deephaven import kafka_consumer as kc
from deephaven.stream.kafka.consumer import (
    TableType,
    KeyValueSpec,
    object_processor_spec,
)
from deephaven.json import jackson

result = kc.consume(
    {"bootstrap.servers": "redpanda:9092"},
    "orders",
    key_spec=KeyValueSpec.IGNORE,
    value_spec=object_processor_spec(
        jackson.provider(
            {
                "jsymbol": str,
                "jside": str,
                "jprice": float,
                "jqty": int,
            }
        )
    ),
    table_type=TableType.append(),
).rename_columns(["Symbol=jsymbol", "Side=jside", "Price=jprice", "Qty=jqty"])
`)
    expect(result.args).toMatchObject({ topic: 'orders', keySpec: { kind: 'ignore' }, tableType: { kind: 'append' }, properties: { 'bootstrap.servers': 'redpanda:9092' } })
    expect(result.args.valueSpec).toBeUndefined()
    expect(result.unmapped).toEqual([
      { part: expect.stringContaining('object_processor_spec(') as unknown, line: 13, reason: expect.stringMatching(/^value_spec: object_processor_spec .*no equivalent/) as unknown },
      { part: '.rename_columns(...)', line: 24, reason: expect.stringContaining('after consume') as unknown }
    ])
  })

  it('reads the Avro example with a registry subject and a string schema version', () => {
    const result = translateDeephavenSnippet(`${HEADER}
result = kc.consume(
    {
        "bootstrap.servers": "redpanda:9092",
        "schema.registry.url": "http://redpanda:8081",
    },
    "share_price",
    key_spec=KeyValueSpec.IGNORE,
    value_spec=kc.avro_spec("share_price_record", schema_version="1"),
    table_type=TableType.append(),
)
`)
    expect(result.unmapped).toEqual([])
    expect(result.args).toEqual({
      properties: { 'bootstrap.servers': 'redpanda:9092', 'schema.registry.url': 'http://redpanda:8081' },
      topic: 'share_price',
      partitions: 'ALL',
      offsets: { '-1': -2 },
      keySpec: { kind: 'ignore' },
      valueSpec: { kind: 'avro', schema: 'share_price_record', version: 1, framing: 'confluent' },
      tableType: { kind: 'append' }
    })
  })

  it('names the lines the project copy of the page lost instead of failing', () => {
    const mangled = `from deephaven import kafka_consumer as kc
from import TableType, KeyValueSpec

result = kc.consume(
"bootstrap.servers": "redpanda:9092",
"deephaven.key.column.type": "String",
`
    const result = translateDeephavenSnippet(mangled)
    expect(result.args).toEqual({})
    expect(result.unmapped.map((u) => u.line)).toEqual([1, 2, 5])
    expect(result.unmapped[1]!.reason).toMatch(/^not read as Python: /)
    expect(result.unmapped[2]).toMatchObject({ line: 5, reason: expect.stringContaining('not read as Python') as unknown })
  })
})
