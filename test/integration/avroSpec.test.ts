// Avro specs against the real broker and the Apicurio registry (Confluent-compatible API). Records are encoded by
// encoders that are not ours: @kafkajs/confluent-schema-registry (Confluent framing) and avsc (plain Avro).
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'
import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, SpecError, TableType } from '../../src/main/core'
import { avroSpec } from '../../src/main/core/api/avroSpec'
import { avscType, bigintLong } from '../../src/main/core/specs/avro/avroTestSupport'
import { createTopic, hasRegistry, plaintextConfig, produce, registryUrl, uniqueSubject, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const MAX = 9223372036854775807n

const v1 = {
  type: 'record',
  name: 'Order',
  namespace: 'tt.test',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'sym', type: 'string' },
    { name: 'legacy', type: ['null', 'string'], default: null },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL'] } },
    {
      name: 'venue',
      type: ['null', { type: 'record', name: 'Venue', fields: [{ name: 'mic', type: 'string' }, { name: 'lat', type: ['null', 'double'], default: null }] }],
      default: null
    }
  ]
}
const v2 = {
  type: 'record',
  name: 'Order',
  namespace: 'tt.test',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'sym', type: 'string' },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL', 'SHORT'], default: 'SELL' } },
    {
      name: 'venue',
      type: ['null', { type: 'record', name: 'Venue', fields: [{ name: 'mic', type: 'string' }, { name: 'lat', type: ['null', 'double'], default: null }] }],
      default: null
    },
    { name: 'px', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 4 }, default: '\u0000' },
    { name: 'ts', type: ['null', { type: 'long', logicalType: 'timestamp-micros' }], default: null },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] }
  ]
}

/**
 * @kafkajs/confluent-schema-registry with avsc's bigint longs. avsc adds each parsed named type to the options'
 * `registry`, so every schema id gets its own instance (v1 and v2 both define tt.test.Order).
 */
class Encoder {
  private readonly byId = new Map<number, SchemaRegistry>()

  constructor(private readonly host = registryUrl()) {}

  async register(subject: string, schema: object): Promise<number> {
    const { id } = await new SchemaRegistry({ host: this.host }).register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject })
    return id
  }

  encode(id: number, value: unknown): Promise<Buffer> {
    let r = this.byId.get(id)
    if (!r) this.byId.set(id, (r = new SchemaRegistry({ host: this.host }, { [SchemaType.AVRO]: { registry: { long: bigintLong } } })))
    return r.encode(id, value)
  }
}

function schemaRegistry(): Encoder {
  return new Encoder()
}

async function register(registry: Encoder, subject: string, schema: object): Promise<number> {
  return registry.register(subject, schema)
}

function decimalBytes(v: bigint): Buffer {
  const hex = BigInt.asUintN(64, v).toString(16).padStart(16, '0')
  return Buffer.from(hex, 'hex')
}

/** A TCP proxy in front of the registry that can be taken down and brought back on the same port. */
async function registryProxy(): Promise<{ url: string; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(registryUrl())
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname)
        sockets.add(client).add(upstream)
        client.pipe(upstream).pipe(client)
        const drop = () => {
          client.destroy()
          upstream.destroy()
        }
        client.on('error', drop).on('close', drop)
        upstream.on('error', drop).on('close', drop)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port
        resolve()
      })
    })
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      sockets.clear()
      if (!server) return resolve()
      server.close(() => resolve())
      server = null
    })
  await up()
  return { url: `http://127.0.0.1:${port}${target.pathname}`, down, up, close: down }
}

describe('Avro specs against the broker without a registry', () => {
  it("framing 'none' reads plain avsc-encoded Avro with no registry configured", async () => {
    const topic = await createTopic(uniqueTopic('avro'), 1)
    const type = avscType(v1)
    await produce(topic, [{ value: type.toBuffer({ id: -MAX, sym: 'X', legacy: null, side: 'BUY', venue: null }) }, { value: type.toBuffer({ id: MAX, sym: 'Y', legacy: 'l', side: 'SELL', venue: { mic: 'M', lat: 2 } }) }])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: avroSpec(JSON.stringify(v1), { framing: 'none' }),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 2)
    expect(t.rows()).toEqual([
      expect.objectContaining({ id: -MAX, sym: 'X', legacy: null, side: 'BUY', venue__mic: null, venue__lat: null }),
      expect.objectContaining({ id: MAX, sym: 'Y', legacy: 'l', side: 'SELL', venue__mic: 'M', venue__lat: 2 })
    ])
  })
})

describe.skipIf(!hasRegistry())('Avro specs against the broker and the registry', () => {
  it('reads v1 and v2 writers with one reader (subject latest), nested records, logical types, ±(2^63−1) and nulls', async () => {
    const topic = await createTopic(uniqueTopic('avro'), 1)
    const subject = uniqueSubject('avro')
    const registry = schemaRegistry()
    const id1 = await register(registry, subject, v1)
    const id2 = await register(registry, subject, v2)
    expect(id2).not.toBe(id1)
    await produce(topic, [
      { value: await registry.encode(id1, { id: MAX, sym: 'AAPL', legacy: 'x', side: 'SELL', venue: { mic: 'XNAS', lat: 1.5 } }) },
      {
        value: await registry.encode(id2, {
          id: -MAX,
          sym: 'MSFT',
          side: 'SHORT',
          venue: null,
          px: decimalBytes(1234567n),
          ts: 1_700_000_000_123_456, // avsc uses its own long type for { type: 'long', logicalType }: a number (< 2^53)
          tags: ['a', 'b']
        })
      },
      { value: await registry.encode(id1, { id: 0n, sym: 'GOOG', legacy: null, side: 'BUY', venue: { mic: 'ARCA', lat: null } }) },
      { value: null }
    ])
    const t = tables.track(
      await consume({ ...plaintextConfig(), 'schema.registry.url': registryUrl() }, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: avroSpec(subject),
        tableType: TableType.append()
      })
    )
    expect(t.sources).toEqual({ key: 'ignore', value: `avro ${subject} v2 (id ${id2})` })
    await waitForSize(t, 4)
    expect(t.errors).toEqual([])
    const rows = t.rows().map(({ id, sym, side, venue__mic, venue__lat, px, ts, tags }) => ({ id, sym, side, venue__mic, venue__lat, px, ts, tags }))
    expect(rows).toEqual([
      { id: MAX, sym: 'AAPL', side: 'SELL', venue__mic: 'XNAS', venue__lat: 1.5, px: '0.0000', ts: null, tags: [] },
      { id: -MAX, sym: 'MSFT', side: 'SHORT', venue__mic: null, venue__lat: null, px: '123.4567', ts: 1_700_000_000_123_456_000n, tags: ['a', 'b'] },
      { id: 0n, sym: 'GOOG', side: 'BUY', venue__mic: 'ARCA', venue__lat: null, px: '0.0000', ts: null, tags: [] },
      { id: null, sym: null, side: null, venue__mic: null, venue__lat: null, px: null, ts: null, tags: null }
    ])
  })

  it('column types: exact decimals beyond 18 digits, dates, lists and maps of scalars (with null elements)', async () => {
    const schema = {
      type: 'record',
      name: 'Typed',
      namespace: 'tt.test',
      fields: [
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 22, scale: 2 } },
        { name: 'day', type: ['null', { type: 'int', logicalType: 'date' }] },
        { name: 'qty', type: { type: 'array', items: ['null', 'long'] } },
        { name: 'px', type: { type: 'map', values: 'double' } },
        { name: 'legs', type: { type: 'array', items: { type: 'record', name: 'Leg', fields: [{ name: 'n', type: 'int' }] } } }
      ]
    }
    const topic = await createTopic(uniqueTopic('avro-types'), 1)
    const subject = uniqueSubject('avro-types')
    const registry = schemaRegistry()
    const id = await register(registry, subject, schema)
    const unscaled = 1234567890123456789012n
    await produce(topic, [
      { value: await registry.encode(id, { amount: Buffer.from(unscaled.toString(16), 'hex'), day: 19_782, qty: [1n, null, MAX], px: { AAPL: 1.5, MSFT: -2 }, legs: [{ n: 1 }] }) },
      { value: await registry.encode(id, { amount: decimalBytes(-1n), day: null, qty: [], px: {}, legs: [] }) }
    ])
    const t = tables.track(
      await consume({ ...plaintextConfig(), 'schema.registry.url': registryUrl() }, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: avroSpec(subject),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 2)
    expect(t.errors).toEqual([])
    expect(t.columns.slice(-5)).toEqual([
      { name: 'amount', type: 'decimal' },
      { name: 'day', type: 'date' },
      { name: 'qty', type: 'list<int64>' },
      { name: 'px', type: 'map<string,float64>' },
      { name: 'legs', type: 'string' }
    ])
    expect(t.rows().map(({ amount, day, qty, px, legs }) => ({ amount, day, qty, px, legs }))).toEqual([
      { amount: '12345678901234567890.12', day: 19_782, qty: [1n, null, MAX], px: { AAPL: 1.5, MSFT: -2 }, legs: '[{"n":1}]' },
      { amount: '-0.01', day: null, qty: [], px: {}, legs: '[]' }
    ])
  })

  it('a literal reader schema with a mapping reads Confluent frames; version pins an older subject version', async () => {
    const topic = await createTopic(uniqueTopic('avro'), 1)
    const subject = uniqueSubject('avro')
    const registry = schemaRegistry()
    const id1 = await register(registry, subject, v1)
    await register(registry, subject, v2)
    await produce(topic, [{ value: await registry.encode(id1, { id: 5n, sym: 'IBM', legacy: 'old', side: 'BUY', venue: { mic: 'XNYS', lat: null } }) }])
    const config = { ...plaintextConfig(), 'schema.registry.url': registryUrl() }
    const literal = tables.track(
      await consume(config, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: avroSpec(JSON.stringify(v2), { mapping: { sym: 'Symbol', 'venue.mic': 'Mic' }, mappedOnly: true }),
        tableType: TableType.append()
      })
    )
    const pinned = tables.track(
      await consume(config, topic, { offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING, keySpec: KeyValueSpec.IGNORE, valueSpec: avroSpec(subject, { version: 1 }), tableType: TableType.append() })
    )
    await waitForSize(literal, 1)
    await waitForSize(pinned, 1)
    expect(literal.rows().map(({ Symbol, Mic }) => ({ Symbol, Mic }))).toEqual([{ Symbol: 'IBM', Mic: 'XNYS' }])
    expect(literal.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['Symbol', 'Mic']))
    expect(pinned.rows()[0]).toMatchObject({ id: 5n, legacy: 'old', venue__lat: null })
  })

  async function topicWithBadFrames(): Promise<string> {
    const topic = await createTopic(uniqueTopic('avro'), 1)
    const subject = uniqueSubject('avro')
    const registry = schemaRegistry()
    const id = await register(registry, subject, v1)
    const good = await registry.encode(id, { id: 1n, sym: 'A', legacy: null, side: 'BUY', venue: null })
    const wrongMagic = Buffer.from(good)
    wrongMagic[0] = 7
    const unknownId = Buffer.from(good)
    unknownId.writeInt32BE(2_000_000_000, 1)
    await produce(topic, [{ value: good }, { value: wrongMagic }, { value: unknownId }, { value: good.subarray(0, good.length - 2) }, { value: good }])
    return topic
  }

  async function openBadFrames(onError: 'skip' | 'fail') {
    const topic = await topicWithBadFrames()
    return tables.track(
      await consume({ ...plaintextConfig(), 'schema.registry.url': registryUrl() }, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: avroSpec(JSON.stringify(v1)),
        tableType: TableType.append(),
        onError
      })
    )
  }

  it("bad frames (wrong magic byte, unknown schema id, truncated payload) are skipped under onError 'skip'", async () => {
    const t = await openBadFrames('skip')
    await waitForSize(t, 2)
    await waitFor(() => t.errors.length === 3, 'three record errors')
    expect(t.errors.map((e) => e.offset)).toEqual(['1', '2', '3'])
    expect(t.errors[0].reason).toMatch(/magic byte 0x07/)
    expect(t.errors[1].reason).toMatch(/schema id 2000000000/)
    expect(t.errors[2].reason).toMatch(/truncated/)
    expect(t.state).toBe('running')
  })

  it("a bad frame fails the table under onError 'fail', keeping the rows before it", async () => {
    const t = await openBadFrames('fail')
    await waitFor(() => t.state === 'failed', 'the table to fail')
    expect(t.failure?.message).toMatch(/offset 1: value: unknown magic byte 0x07/)
    expect(t.rows().map((r) => r.sym)).toEqual(['A'])
  })

  it('an unreachable registry fails at start for a subject, and mid-stream records error until it is back', async () => {
    const subject = uniqueSubject('avro')
    await expect(
      consume({ ...plaintextConfig(), 'schema.registry.url': 'http://127.0.0.1:1' }, 'any', { keySpec: KeyValueSpec.IGNORE, valueSpec: avroSpec(subject) })
    ).rejects.toThrow(SpecError)

    const topic = await createTopic(uniqueTopic('avro'), 1)
    const registry = schemaRegistry()
    const id1 = await register(registry, subject, v1)
    const proxy = await registryProxy()
    try {
      await produce(topic, [{ value: await registry.encode(id1, { id: 1n, sym: 'A', legacy: null, side: 'BUY', venue: null }) }])
      const t = tables.track(
        await consume({ ...plaintextConfig(), 'schema.registry.url': proxy.url }, topic, {
          offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
          keySpec: KeyValueSpec.IGNORE,
          valueSpec: avroSpec(JSON.stringify(v2)),
          tableType: TableType.append()
        })
      )
      await waitForSize(t, 1)
      await proxy.down()
      const id2 = await register(registry, subject, v2)
      const v2Record = { id: 2n, sym: 'B', side: 'SELL', venue: null, px: decimalBytes(10n), ts: null, tags: [] }
      await produce(topic, [
        { value: await registry.encode(id1, { id: 3n, sym: 'C', legacy: null, side: 'BUY', venue: null }) },
        { value: await registry.encode(id2, v2Record) }
      ])
      await waitForSize(t, 2)
      await waitFor(() => t.errors.length === 1, 'a record error for the unreachable registry')
      expect(t.errors[0].reason).toMatch(new RegExp(`schema id ${id2}: registry error`))
      await proxy.up()
      await new Promise((r) => setTimeout(r, 1100))
      await produce(topic, [{ value: await registry.encode(id2, { ...v2Record, id: 4n }) }])
      await waitForSize(t, 3)
      expect(t.rows().map((r) => r.id)).toEqual([1n, 3n, 4n])
      expect(t.state).toBe('running')
    } finally {
      await proxy.close()
    }
  }, 60_000)
})
