import { describe, expect, it } from 'vitest'
import { avroSpec } from '../../api/avroSpec'
import { createAvroDecoder } from './avroDecoder'
import { avscType, confluentFrame, context, decodeRaw, decodeWith, FakeRegistry } from './avroTestSupport'

const MAX = 9223372036854775807n
const MIN = -9223372036854775808n

const trade = {
  type: 'record',
  name: 'Trade',
  namespace: 'com.example',
  fields: [
    { name: 'sym', type: 'string' },
    { name: 'seq', type: 'long' },
    { name: 'px', type: 'double' },
    { name: 'qty', type: 'int' },
    { name: 'flag', type: 'boolean' },
    { name: 'side', type: { type: 'enum', name: 'Side', symbols: ['BUY', 'SELL'] } },
    { name: 'f', type: 'float' },
    { name: 'raw', type: 'bytes' }
  ]
}

describe('avro decoder: plain (framing none)', () => {
  it('decodes primitives, enums and int64 at ±(2^63−1) exactly', async () => {
    const t = avscType(trade)
    const spec = avroSpec(JSON.stringify(trade), { framing: 'none' })
    const { rows, errors } = await decodeRaw(spec, [
      t.toBuffer({ sym: 'AAPL', seq: MAX, px: 1.5, qty: -7, flag: true, side: 'SELL', f: 0.25, raw: Buffer.from([0, 255]) }),
      t.toBuffer({ sym: 'ü🚀', seq: -MAX, px: -0, qty: 2147483647, flag: false, side: 'BUY', f: -1, raw: Buffer.alloc(0) }),
      t.toBuffer({ sym: '', seq: MIN, px: Number.NaN, qty: 0, flag: false, side: 'BUY', f: 3, raw: Buffer.from('x') }),
      t.toBuffer({ sym: 'x', seq: 2n ** 53n + 1n, px: 0, qty: 0, flag: false, side: 'BUY', f: 3, raw: Buffer.from('x') })
    ].map((b) => b))
    expect(errors).toEqual([])
    expect(rows.map((r) => r.seq)).toEqual([MAX, -MAX, MIN, 2n ** 53n + 1n])
    expect(rows[0]).toMatchObject({ sym: 'AAPL', px: 1.5, qty: -7, flag: true, side: 'SELL', f: 0.25, raw: new Uint8Array([0, 255]) })
    expect(rows[1]).toMatchObject({ sym: 'ü🚀', qty: 2147483647, side: 'BUY', f: -1 })
    expect(Number.isNaN(rows[2].px)).toBe(true)
  })

  it('decodes longs of every varint length exactly', async () => {
    const schema = { type: 'record', name: 'L', fields: [{ name: 'v', type: 'long' }] }
    const t = avscType(schema)
    const values: bigint[] = [0n, -1n, 1n, 63n, -64n, 64n]
    for (let k = 6; k < 63; k += 3) values.push(2n ** BigInt(k) - 1n, -(2n ** BigInt(k)), 2n ** BigInt(k) + 12345n)
    values.push(MAX, MIN)
    const { rows } = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none' }), values.map((v) => t.toBuffer({ v })))
    expect(rows.map((r) => BigInt(r.v as bigint))).toEqual(values)
  })

  it('flattens nested records with __, honours mapping and mappedOnly, nulls at every level', async () => {
    const schema = {
      type: 'record',
      name: 'Outer',
      fields: [
        { name: 'id', type: 'int' },
        {
          name: 'inner',
          type: [
            'null',
            {
              type: 'record',
              name: 'Inner',
              fields: [
                { name: 'name', type: ['null', 'string'] },
                { name: 'deep', type: { type: 'record', name: 'Deep', fields: [{ name: 'x', type: ['null', 'long'] }] } }
              ]
            }
          ]
        }
      ]
    }
    const t = avscType(schema)
    const payloads = [
      t.toBuffer({ id: 1, inner: { name: 'a', deep: { x: 5n } } }),
      t.toBuffer({ id: 2, inner: { name: null, deep: { x: null } } }),
      t.toBuffer({ id: 3, inner: null }),
      null
    ]
    const direct = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none' }), payloads)
    expect(direct.errors).toEqual([])
    expect(direct.rows).toEqual([
      { id: 1, inner__name: 'a', inner__deep__x: 5n },
      { id: 2, inner__name: null, inner__deep__x: null },
      { id: 3, inner__name: null, inner__deep__x: null },
      { id: null, inner__name: null, inner__deep__x: null }
    ])
    const mapped = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none', mapping: { 'inner.deep.x': 'X', id: 'Id' } }), payloads)
    expect(mapped.rows[0]).toEqual({ Id: 1, inner__name: 'a', X: 5n })
    const only = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none', mapping: { 'inner.deep.x': 'X' }, mappedOnly: true }), payloads)
    expect(only.rows.map((r) => r)).toEqual([{ X: 5n }, { X: null }, { X: null }, { X: null }])
    const prefix = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none', mapping: { inner: 'In' }, mappedOnly: true }), payloads)
    expect(prefix.rows[0]).toEqual({ In__name: 'a', In__deep__x: 5n })
    expect(() => avroSpec(JSON.stringify(schema), { mapping: { 'inner.nope': 'Y' } })).toThrow(/inner\.nope/)
  })

  it('maps every logical type', async () => {
    const schema = {
      type: 'record',
      name: 'Logical',
      fields: [
        { name: 'tsMs', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'tsUs', type: { type: 'long', logicalType: 'timestamp-micros' } },
        { name: 'tsNs', type: { type: 'long', logicalType: 'timestamp-nanos' } },
        { name: 'day', type: { type: 'int', logicalType: 'date' } },
        { name: 'tMs', type: { type: 'int', logicalType: 'time-millis' } },
        { name: 'tUs', type: { type: 'long', logicalType: 'time-micros' } },
        { name: 'localTs', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
        { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 4 } },
        { name: 'decFixed', type: { type: 'fixed', name: 'D8', size: 8, logicalType: 'decimal', precision: 18, scale: 2 } },
        { name: 'uuid', type: { type: 'string', logicalType: 'uuid' } },
        { name: 'dur', type: { type: 'fixed', name: 'Dur', size: 12, logicalType: 'duration' } },
        { name: 'maybeTs', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }] }
      ]
    }
    const t = avscType(schema)
    const twos = (v: bigint, size?: number) => {
      const n = size ?? Math.max(1, Math.ceil((v < 0n ? (-v - 1n).toString(2).length + 1 : v.toString(2).length + 1) / 8))
      const b = Buffer.alloc(n)
      let x = BigInt.asUintN(n * 8, v)
      for (let i = n - 1; i >= 0; i--) {
        b[i] = Number(x & 0xffn)
        x >>= 8n
      }
      return b
    }
    const buf = t.toBuffer({
      tsMs: 1_700_000_000_123n,
      tsUs: 1_700_000_000_123_456n,
      tsNs: 1_700_000_000_123_456_789n,
      day: 19_000,
      tMs: 3_600_000,
      tUs: 3_600_000_000n,
      localTs: 5n,
      dec: twos(123400n),
      decFixed: twos(-5n, 8),
      uuid: '0b7c4f4e-7a4c-4bb8-a1d8-bbd2c5b5a0a1',
      dur: Buffer.alloc(12, 1),
      maybeTs: null
    })
    const { rows, errors } = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none' }), [buf])
    expect(errors).toEqual([])
    expect(rows[0]).toEqual({
      tsMs: 1_700_000_000_123_000_000n,
      tsUs: 1_700_000_000_123_456_000n,
      tsNs: 1_700_000_000_123_456_789n,
      day: 19_000,
      tMs: 3_600_000,
      tUs: 3_600_000_000n,
      localTs: 5n,
      dec: '12.3400',
      decFixed: '-0.05',
      uuid: '0b7c4f4e-7a4c-4bb8-a1d8-bbd2c5b5a0a1',
      dur: new Uint8Array(12).fill(1),
      maybeTs: null
    })
  })

  it('arrays and maps of scalars become list and map columns; of records, and general unions, JSON text columns', async () => {
    const schema = {
      type: 'record',
      name: 'C',
      fields: [
        { name: 'tags', type: { type: 'array', items: 'string' } },
        { name: 'm', type: ['null', { type: 'map', values: 'long' }] },
        { name: 'u', type: ['int', 'string', 'null'] },
        { name: 'recs', type: { type: 'array', items: { type: 'record', name: 'P', fields: [{ name: 'a', type: ['null', 'int'] }] } } }
      ]
    }
    const t = avscType(schema)
    const { rows } = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none' }), [
      t.toBuffer({ tags: ['a', 'b'], m: { x: MAX }, u: 'hi', recs: [{ a: 1 }, { a: null }] }),
      t.toBuffer({ tags: [], m: null, u: null, recs: [] })
    ])
    expect(rows).toEqual([
      { tags: ['a', 'b'], m: { x: MAX }, u: '"hi"', recs: '[{"a":1},{"a":null}]' },
      { tags: [], m: null, u: null, recs: '[]' }
    ])
  })

  it('decimals stay exact, dates are days, and list and map elements take any scalar type with nulls', async () => {
    const schema = {
      type: 'record',
      name: 'X',
      fields: [
        { name: 'big', type: { type: 'bytes', logicalType: 'decimal', precision: 22, scale: 2 } },
        { name: 'days', type: { type: 'array', items: { type: 'int', logicalType: 'date' } } },
        { name: 'maybe', type: { type: 'array', items: ['null', 'long'] } },
        { name: 'prices', type: { type: 'map', values: { type: 'fixed', name: 'P', size: 4, logicalType: 'decimal', precision: 8, scale: 3 } } },
        { name: 'times', type: ['null', { type: 'array', items: { type: 'long', logicalType: 'timestamp-millis' } }] }
      ]
    }
    const t = avscType(schema)
    const unscaled = 1234567890123456789012n
    const hex = unscaled.toString(16)
    const bigBytes = Buffer.from((hex.length % 2 === 0 ? '00' : '0') + hex, 'hex')
    const { rows, errors } = await decodeRaw(avroSpec(JSON.stringify(schema), { framing: 'none' }), [
      t.toBuffer({ big: bigBytes, days: [0, 19_000], maybe: [1n, null, -(2n ** 63n)], prices: { a: Buffer.from([0, 0, 0x30, 0x39]), b: Buffer.from([0xff, 0xff, 0xff, 0xff]) }, times: [1000n] }),
      t.toBuffer({ big: Buffer.from([0xff]), days: [], maybe: [], prices: {}, times: null })
    ])
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { big: '12345678901234567890.12', days: [0, 19_000], maybe: [1n, null, -(2n ** 63n)], prices: { a: '12.345', b: '-0.001' }, times: [1_000_000_000n] },
      { big: '-0.01', days: [], maybe: [], prices: {}, times: null }
    ])
  })

  it('reports truncated payloads, trailing bytes and bad unions as record errors', async () => {
    const t = avscType(trade)
    const good = t.toBuffer({ sym: 'AAPL', seq: 1n, px: 1.5, qty: -7, flag: true, side: 'SELL', f: 0.25, raw: Buffer.from([1]) })
    const { rows, errors } = await decodeRaw(avroSpec(JSON.stringify(trade), { framing: 'none' }), [
      good.subarray(0, good.length - 3),
      Buffer.concat([good, Buffer.from([0])]),
      Buffer.from([0x08, 0x41]),
      good
    ])
    expect(rows).toHaveLength(1)
    expect(errors[0]).toMatch(/truncated/)
    expect(errors[1]).toMatch(/left over/)
    expect(errors[2]).toMatch(/truncated/)
  })

  it('rejects bad specs', () => {
    expect(() => avroSpec('')).toThrow(TypeError)
    expect(() => avroSpec('{"type":"record"')).toThrow(/invalid Avro schema/)
    expect(() => avroSpec('subject', { framing: 'other' as never })).toThrow(/framing/)
    expect(() => avroSpec('subject', { version: 0 })).toThrow(/version/)
    expect(avroSpec('orders-value')).toEqual({ kind: 'avro', schema: 'orders-value', version: 'latest', framing: 'confluent' })
  })

  it('fills reader-only fields (records, bytes, decimals, timestamps, lists) from defaults; a missing default fails resolution', async () => {
    const writer = { type: 'record', name: 'R', fields: [{ name: 'a', type: ['null', 'int', 'string'] }] }
    const reader = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: ['null', 'long'] },
        { name: 'nested', type: { type: 'record', name: 'N', fields: [{ name: 'x', type: 'int' }, { name: 'y', type: ['null', 'string'] }] }, default: { x: 4, y: null } },
        { name: 'raw', type: 'bytes', default: '\u0001\u00ff' },
        { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 }, default: '\u0004\u00d2' },
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' }, default: 1000 },
        { name: 'list', type: { type: 'array', items: 'int' }, default: [1, 2] }
      ]
    }
    const reg = new FakeRegistry()
    reg.add(1, writer)
    const decoder = await createAvroDecoder('value', avroSpec(JSON.stringify(reader)), context(reg))
    const t = avscType(writer)
    const { rows, errors } = await decodeWith(decoder, [confluentFrame(1, t.toBuffer({ a: 7 })), confluentFrame(1, t.toBuffer({ a: null })), confluentFrame(1, t.toBuffer({ a: 'str' }))])
    expect(rows).toEqual([
      { a: 7n, nested__x: 4, nested__y: null, raw: new Uint8Array([1, 255]), dec: '12.34', ts: 1_000_000_000n, list: [1, 2] },
      { a: null, nested__x: 4, nested__y: null, raw: new Uint8Array([1, 255]), dec: '12.34', ts: 1_000_000_000n, list: [1, 2] }
    ])
    // the writer's string branch has no reader branch: only the records using it fail
    expect(errors).toEqual([expect.stringMatching(/string matches no branch/)])
    const strict = { ...reader, fields: [...reader.fields, { name: 'must', type: 'int' }] }
    const d2 = await createAvroDecoder('value', avroSpec(JSON.stringify(strict)), context(reg))
    const r2 = await decodeWith(d2, [confluentFrame(1, t.toBuffer({ a: 1 }))])
    expect(r2.errors[0]).toMatch(/schema id 1: cannot be read.*'R\.must'.*no default/)
  })
})

describe('avro decoder: Confluent framing and schema evolution', () => {
  const v1 = {
    type: 'record',
    name: 'Order',
    fields: [
      { name: 'id', type: 'int' },
      { name: 'sym', type: 'string' },
      { name: 'old', type: 'string' },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE', 'ODD'] } }
    ]
  }
  const v2 = {
    type: 'record',
    name: 'Order',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'symbol', type: 'string', aliases: ['sym'] },
      { name: 'px', type: ['null', 'double'], default: null },
      { name: 'venue', type: 'string', default: 'XNAS' },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE', 'UNKNOWN'], default: 'UNKNOWN' } }
    ]
  }
  const v3 = { ...v2, fields: [...v2.fields, { name: 'extra', type: 'float' }] }

  it('reads v1, v2 and v3 writers with one v2 reader (aliases, defaults, promotions, enum defaults, writer-only fields)', async () => {
    const reg = new FakeRegistry()
    reg.add(1, v1)
    reg.add(2, v2, 'orders-value')
    reg.add(3, v3)
    const decoder = await createAvroDecoder('value', avroSpec('orders-value'), context(reg))
    const { rows, errors } = await decodeWith(decoder, [
      confluentFrame(1, avscType(v1).toBuffer({ id: 7, sym: 'AAPL', old: 'x', status: 'ODD' })),
      confluentFrame(2, avscType(v2).toBuffer({ id: 8, symbol: 'MSFT', px: 2.5, venue: 'ARCA', status: 'DONE' })),
      confluentFrame(3, avscType(v3).toBuffer({ id: 9, symbol: 'GOOG', px: null, venue: 'BATS', status: 'NEW', extra: 1.5 }))
    ])
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { id: 7n, symbol: 'AAPL', px: null, venue: 'XNAS', status: 'UNKNOWN' },
      { id: 8n, symbol: 'MSFT', px: 2.5, venue: 'ARCA', status: 'DONE' },
      { id: 9n, symbol: 'GOOG', px: null, venue: 'BATS', status: 'NEW' }
    ])
  })

  it('bad frames, unknown ids and an unreachable registry are record errors naming the id; failed ids are retried', async () => {
    const reg = new FakeRegistry()
    reg.add(2, v2)
    const decoder = await createAvroDecoder('value', avroSpec(JSON.stringify(v2)), context(reg))
    const body = avscType(v2).toBuffer({ id: 1, symbol: 'A', px: null, venue: 'V', status: 'NEW' })
    reg.add(1, v1)
    reg.down = true
    const first = await decodeWith(decoder, [
      Buffer.concat([Buffer.from([1]), confluentFrame(2, body).subarray(1)]),
      confluentFrame(2, body).subarray(0, 3),
      confluentFrame(99, body),
      confluentFrame(2, body),
      confluentFrame(2, body).subarray(0, 8)
    ])
    expect(first.rows).toEqual([])
    expect(first.errors[0]).toMatch(/magic byte 0x01/)
    expect(first.errors[1]).toMatch(/truncated Confluent frame/)
    expect(first.errors[2]).toMatch(/schema id 99.*unreachable|schema id 99.*answered/)
    expect(first.errors[3]).toMatch(/schema id 2: registry error/)
    reg.down = false
    // inside the backoff: not retried yet
    const again = await decodeWith(decoder, [confluentFrame(2, body)])
    expect(again.errors[0]).toMatch(/schema id 2/)
    await new Promise((r) => setTimeout(r, 1050))
    const later = await decodeWith(decoder, [confluentFrame(2, body), confluentFrame(99, body), confluentFrame(2, body).subarray(0, 8)])
    expect(later.rows).toEqual([{ id: 1n, symbol: 'A', px: null, venue: 'V', status: 'NEW' }])
    expect(later.errors[0]).toMatch(/schema id 99: registry error: schema id 99 not found/)
    expect(later.errors[1]).toMatch(/truncated/)
  })

  it('an incompatible writer schema is a record error naming the field', async () => {
    const reg = new FakeRegistry()
    reg.add(5, { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] })
    const decoder = await createAvroDecoder('value', avroSpec(JSON.stringify(v2)), context(reg))
    const { errors } = await decodeWith(decoder, [confluentFrame(5, avscType({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] }).toBuffer({ id: 'x' }))])
    expect(errors[0]).toMatch(/schema id 5: cannot be read.*Order\.id/)
  })

  it('the reader subject must be reachable at start', async () => {
    const reg = new FakeRegistry()
    reg.down = true
    await expect(createAvroDecoder('value', avroSpec('orders-value'), context(reg))).rejects.toThrow(/orders-value.*no registry URL answered/)
    await expect(createAvroDecoder('value', avroSpec(JSON.stringify(v2)), context())).rejects.toThrow(/no registry/)
  })
})
