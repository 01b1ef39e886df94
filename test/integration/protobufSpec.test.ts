// Protobuf key/value specs against the broker and the Apicurio registry, with records encoded by
// @kafkajs/confluent-schema-registry (Confluent-framed) and protobufjs (raw), not by our code.
import { SchemaRegistry, SchemaType as KafkajsSchemaType } from '@kafkajs/confluent-schema-registry'
import Long from 'long'
import protobuf from 'protobufjs'
import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, TableType } from '../../src/main/core'
import { protobufSpec } from '../../src/main/core/api/protobufSpec'
import { createRegistryClient } from '../../src/main/core/registry'
import { createTopic, hasRegistry, plaintextConfig, produce, registryProps, registryUrl, uniqueSubject, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const MONEY_PROTO = 'syntax = "proto3";\npackage common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n'
const TRADE_PROTO = `syntax = "proto3";
package shop;

import "common/money.proto";

message Trade {
  string sym = 1;
  int64 seq = 2;
  common.Money px = 3;
  optional string note = 4;
  Leg leg = 5;
  oneof venue { string exchange = 6; int32 dark_pool = 7; }
  repeated sint64 fills = 8;
  map<string, int32> attrs = 9;
  message Leg { string venue = 1; sint64 delta = 2; Inner inner = 3; }
  message Inner { fixed64 f = 1; }
}
`
const MAX = Long.fromString('9223372036854775807')
const MIN = Long.fromString('-9223372036854775808')

/** kafkajs 4.x writes magic + id + message without the message indexes; add the single 0 byte ([0]) Confluent's serializers write. */
const withIndexes = (b: Buffer): Buffer => Buffer.concat([b.subarray(0, 5), Buffer.from([0]), b.subarray(5)])

describe.runIf(hasRegistry())('Protobuf specs against the broker and the registry', () => {
  async function registerTrade(): Promise<{ kjs: SchemaRegistry; id: number; subject: string }> {
    const moneySubject = uniqueSubject('money', '')
    const subject = uniqueSubject('trade')
    const ours = createRegistryClient(registryProps())
    try {
      await ours.setCompatibility('BACKWARD', moneySubject)
      await ours.setCompatibility('BACKWARD', subject)
    } finally {
      ours.close()
    }
    const kjs = new SchemaRegistry({ host: registryUrl() })
    await kjs.register({ type: KafkajsSchemaType.PROTOBUF, schema: MONEY_PROTO }, { subject: moneySubject })
    const { id } = await kjs.register(
      { type: KafkajsSchemaType.PROTOBUF, schema: TRADE_PROTO, references: [{ name: 'common/money.proto', subject: moneySubject, version: 1 }] },
      { subject }
    )
    return { kjs, id, subject }
  }

  it('decodes Confluent-framed records (schema with a reference) with nested naming, exact int64 and nulls at every level', async () => {
    const { kjs, id, subject } = await registerTrade()
    const full = withIndexes(
      await kjs.encode(id, {
        sym: 'AAPL', seq: MAX, px: { currency: 'USD', units: MIN }, note: 'n', leg: { venue: 'XNAS', delta: MIN, inner: { f: MAX } },
        darkPool: 7, fills: [MAX, MIN], attrs: { a: 1 }
      })
    )
    const empty = withIndexes(await kjs.encode(id, {}))
    const partial = withIndexes(await kjs.encode(id, { sym: 'MSFT', seq: MIN, leg: { venue: 'ARCX' }, exchange: 'X' }))
    const topic = await createTopic(uniqueTopic('proto'), 1)
    await produce(topic, [{ value: full }, { value: empty }, { value: partial }, { value: null }])
    const t = tables.track(
      await consume({ ...plaintextConfig(), ...registryProps() }, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: protobufSpec({ subject }),
        tableType: TableType.append()
      })
    )
    expect(t.sources.value).toBe(`protobuf shop.Trade from ${subject} v1 (id ${id})`)
    await waitForSize(t, 4)
    const cols = ['sym', 'seq', 'px_currency', 'px_units', 'note', 'leg_venue', 'leg_delta', 'leg_inner_f', 'exchange', 'dark_pool', 'fills', 'attrs']
    expect(t.columns.filter((c) => cols.includes(c.name)).map((c) => c.name)).toEqual(cols)
    const rows = t.rows().map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])))
    expect(rows).toEqual([
      {
        sym: 'AAPL', seq: 9223372036854775807n, px_currency: 'USD', px_units: -9223372036854775808n, note: 'n', leg_venue: 'XNAS',
        leg_delta: -9223372036854775808n, leg_inner_f: 9223372036854775807n, exchange: null, dark_pool: 7,
        fills: [9223372036854775807n, -9223372036854775808n], attrs: { a: 1 }
      },
      { sym: '', seq: 0n, px_currency: null, px_units: null, note: null, leg_venue: null, leg_delta: null, leg_inner_f: null, exchange: null, dark_pool: null, fills: [], attrs: {} },
      {
        sym: 'MSFT', seq: -9223372036854775808n, px_currency: null, px_units: null, note: null, leg_venue: 'ARCX', leg_delta: 0n, leg_inner_f: null,
        exchange: 'X', dark_pool: null, fills: [], attrs: {}
      },
      Object.fromEntries(cols.map((c) => [c, null]))
    ])
    expect(t.errors).toEqual([])
  })

  async function badFrameTopic(): Promise<{ topic: string; subject: string }> {
    const { kjs, id, subject } = await registerTrade()
    const good = withIndexes(await kjs.encode(id, { sym: 'A', seq: 1 }))
    const unknownId = Buffer.from(good)
    unknownId.writeInt32BE(0x7ffffff0, 1)
    const wrongMagic = Buffer.from(good)
    wrongMagic[0] = 1
    const truncatedPayload = good.subarray(0, good.length - 1)
    const topic = await createTopic(uniqueTopic('protobad'), 1)
    await produce(topic, [{ value: good }, { value: unknownId }, { value: wrongMagic }, { value: Buffer.from([0, 0, 0]) }, { value: truncatedPayload }, { value: good }])
    return { topic, subject }
  }

  const options = (subject: string, onError: 'skip' | 'fail') => ({
    offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
    keySpec: KeyValueSpec.IGNORE,
    valueSpec: protobufSpec({ subject, messageName: 'shop.Trade' }, { include: ['/sym', '/seq'] }),
    tableType: TableType.append(),
    onError
  })

  it("bad frames under onError 'skip': the schema id is ignored (as Deephaven does), bad magic / short / truncated records are skipped", async () => {
    const { topic, subject } = await badFrameTopic()
    const t = tables.track(await consume({ ...plaintextConfig(), ...registryProps() }, topic, options(subject, 'skip')))
    await waitForSize(t, 3)
    await waitFor(() => t.errors.length === 3, 'three record errors')
    expect(t.rows().map((r) => [r.KafkaOffset, r.sym, r.seq])).toEqual([
      [0n, 'A', 1n],
      [1n, 'A', 1n],
      [5n, 'A', 1n]
    ])
    expect(t.errors.map((e) => [e.offset, e.kind])).toEqual([
      ['2', 'record'],
      ['3', 'record'],
      ['4', 'record']
    ])
    expect(t.errors[0].reason).toContain('magic byte')
    expect(t.errors[1].reason).toContain('at least 6 bytes')
    expect(t.errors[2].reason).toContain('truncated')
  })

  it("bad frames under onError 'fail': the table stops at the wrong magic byte", async () => {
    const { topic, subject } = await badFrameTopic()
    const t = tables.track(await consume({ ...plaintextConfig(), ...registryProps() }, topic, options(subject, 'fail')))
    await waitFor(() => t.state === 'failed', 'the table to fail')
    expect(t.failure?.message).toMatch(/offset 2: value: .*magic byte/)
    expect(t.rows().map((r) => r.seq)).toEqual([1n, 1n])
  })

  it('decodes raw protobufjs-encoded records from .proto text', async () => {
    const root = protobuf.parse(MONEY_PROTO, new protobuf.Root(), { keepCase: true }).root
    const Money = root.lookupType('common.Money')
    const topic = await createTopic(uniqueTopic('protoraw'), 1)
    await produce(topic, [{ value: Buffer.from(Money.encode(Money.fromObject({ currency: 'EUR', units: MAX })).finish()) }, { value: Buffer.from([0x0a, 0x05, 0x41]) }])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: protobufSpec({ proto: MONEY_PROTO, messageName: 'common.Money' }),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 1)
    await waitFor(() => t.errors.length === 1, 'the truncated record error')
    expect(t.rows().map((r) => [r.currency, r.units])).toEqual([['EUR', 9223372036854775807n]])
    expect(t.errors[0].reason).toContain('truncated')
  })

  it('Timestamp and Duration become timestamp and duration columns; repeated scalars and maps list and map columns', async () => {
    const proto = `syntax = "proto3";
package typed;
import "google/protobuf/timestamp.proto";
import "google/protobuf/duration.proto";
message Fill {
  google.protobuf.Timestamp at = 1;
  google.protobuf.Duration latency = 2;
  repeated double prices = 3;
  map<int64, string> venues = 4;
  repeated string tags = 5;
}
`
    const root = protobuf.parse(proto, new protobuf.Root(), { keepCase: true }).root
    for (const f of ['timestamp', 'duration']) root.addJSON(protobuf.common.get(`google/protobuf/${f}.proto`)!.nested!)
    root.resolveAll()
    const Fill = root.lookupType('typed.Fill')
    const encode = (o: object): Buffer => Buffer.from(Fill.encode(Fill.fromObject(o)).finish())
    const topic = await createTopic(uniqueTopic('prototypes'), 1)
    await produce(topic, [
      { value: encode({ at: { seconds: 1_700_000_000, nanos: 5 }, latency: { seconds: 3723, nanos: 250_000_000 }, prices: [1.5, -0.25], venues: { [MAX.toString()]: 'XNAS' }, tags: ['a'] }) },
      { value: encode({ latency: { seconds: -1, nanos: -1 } }) }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: protobufSpec({ proto, messageName: 'typed.Fill' }),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 2)
    expect(t.errors).toEqual([])
    expect(t.columns.slice(-5)).toEqual([
      { name: 'at', type: 'timestamp' },
      { name: 'latency', type: 'duration' },
      { name: 'prices', type: 'list<float64>' },
      { name: 'venues', type: 'map<string,string>' },
      { name: 'tags', type: 'list<string>' }
    ])
    expect(t.rows().map(({ at, latency, prices, venues, tags }) => ({ at, latency, prices, venues, tags }))).toEqual([
      { at: 1_700_000_000_000_000_005n, latency: 3_723_250_000_000n, prices: [1.5, -0.25], venues: { '9223372036854775807': 'XNAS' }, tags: ['a'] },
      { at: null, latency: -1_000_000_001n, prices: [], venues: {}, tags: [] }
    ])
  })

  it('include paths reach inside repeated messages and maps of messages', async () => {
    const proto = `syntax = "proto3";
package orders;
message Leg { string venue = 1; int64 qty = 2; Px px = 3; }
message Px { double bid = 1; double ask = 2; }
message Order { string id = 1; repeated Leg legs = 2; map<string, Leg> by_venue = 3; repeated Leg hidden = 4; }
`
    const Order = protobuf.parse(proto, new protobuf.Root(), { keepCase: true }).root.lookupType('orders.Order')
    const order = { id: 'o1', legs: [{ venue: 'X', qty: MAX, px: { bid: 1.5, ask: 2 } }, { venue: 'Y', qty: 6 }], by_venue: { X: { venue: 'X', qty: 5, px: { ask: 3 } } }, hidden: [{ venue: 'Z' }] }
    const topic = await createTopic(uniqueTopic('protoinc'), 1)
    await produce(topic, [{ value: Buffer.from(Order.encode(Order.fromObject(order)).finish()) }])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: protobufSpec({ proto, messageName: 'orders.Order' }, { include: ['/id', '/legs/qty', '/legs/px/bid', '/by_venue/value/px/*', '/hidden'] }),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 1)
    expect(t.columns.map((c) => c.name).filter((n) => !n.startsWith('Kafka'))).toEqual(['id', 'legs', 'by_venue'])
    expect(t.rows().map((r) => [r.id, r.legs, r.by_venue])).toEqual([['o1', '[{"qty":"9223372036854775807","px":{"bid":1.5}},{"qty":"6"}]', '{"X":{"px":{"ask":3}}}']])
  })
})
