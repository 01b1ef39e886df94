import { describe, expect, it } from 'vitest'
import { summarizeArgs } from './summary'
import { translateDeephavenSnippet } from './translate'

describe('summarizeArgs', () => {
  it('describes every translated setting and hides secret property values', () => {
    const { args } = translateDeephavenSnippet(`from deephaven.stream.kafka import consumer as kc
from deephaven import dtypes as dht
t = kc.consume(
    {'bootstrap.servers': 'b:9092', 'sasl.jaas.config': 'org.apache.kafka... password="pw";', 'deephaven.partition.column.name': None},
    'orders',
    partitions=[0, 1],
    offsets={0: kc.SEEK_TO_BEGINNING, 1: 42},
    key_spec=kc.simple_spec('Key', dht.string),
    value_spec=kc.json_spec({'Id': dht.int64}, mapping={'id': 'Id'}),
    table_type=kc.TableType.ring(500),
)`)
    expect(summarizeArgs(args)).toEqual([
      { label: 'Topic', value: 'orders' },
      { label: 'Partitions', value: '0, 1' },
      { label: 'Start at', value: 'partition 0: beginning; partition 1: offset 42' },
      { label: 'Key', value: 'column Key (string)' },
      { label: 'Value', value: 'JSON: Id int64; mapping id→Id' },
      { label: 'Table type', value: 'ring of 500 rows' },
      { label: 'bootstrap.servers', value: 'b:9092' },
      { label: 'sasl.jaas.config', value: '••••' },
      { label: 'deephaven.partition.column.name', value: '(None)' }
    ])
  })

  it('describes Avro, Protobuf and the all-partition seeks', () => {
    const { args } = translateDeephavenSnippet(`import deephaven.stream.kafka.consumer as kc
t = kc.consume({}, 't', offsets=kc.ALL_PARTITIONS_SEEK_TO_END, key_spec=kc.avro_spec('k-value', '2', mapping={'a': 'A'}, mapped_only=True), value_spec=kc.protobuf_spec('v', 3, 'm.M'))`)
    const byLabel = Object.fromEntries(summarizeArgs(args).map((l) => [l.label, l.value]))
    expect(byLabel).toMatchObject({
      'Start at': 'end (all partitions)',
      Key: 'Avro subject k-value (version 2); mapping 1 fields, mapped only',
      Value: 'Protobuf subject v v3, message m.M (serdes)',
      'Table type': 'blink'
    })
  })
})
