import Long from 'long'
import protobuf from 'protobufjs'
import { describe, expect, it } from 'vitest'
import { LiveTable } from '../../engine/liveTable'
import type { PartDecoder } from '../partDecoder'
import { RecordDecodeError } from '../recordDecodeError'
import { protobufSpec } from '../../api/protobufSpec'
import { loadProtoSource } from './schemaLoader'
import { protobufDecoderFor } from './protobufDecoder'

const PROTO = `
syntax = "proto3";
package t;
import "google/protobuf/timestamp.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/any.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/field_mask.proto";
import "google/protobuf/empty.proto";
enum Side { BUY = 0; SELL = 1; }
message Inner { string first = 1; optional int32 n = 2; Deep deep = 3; }
message Deep { sint64 z = 1; }
message Row {
  int64 i64 = 1; uint64 u64 = 2; sint64 s64 = 3; fixed64 f64 = 4; sfixed64 sf64 = 5;
  int32 i32 = 6; string s = 7; bytes b = 8; bool flag = 9; double d = 10; float f = 11; Side side = 12;
  optional string maybe = 13;
  Inner sub = 14;
  oneof choice { string a = 15; int64 bnum = 16; }
  google.protobuf.Timestamp ts = 17; google.protobuf.Duration dur = 18;
  google.protobuf.Int64Value w64 = 19; google.protobuf.StringValue wstr = 20; google.protobuf.BoolValue wbool = 21;
  google.protobuf.DoubleValue wdbl = 22; google.protobuf.FloatValue wflt = 23; google.protobuf.Int32Value wi32 = 24;
  google.protobuf.UInt32Value wu32 = 25; google.protobuf.UInt64Value wu64 = 26; google.protobuf.BytesValue wbytes = 27;
  google.protobuf.Any any = 28; google.protobuf.Struct st = 29; google.protobuf.FieldMask mask = 30;
  google.protobuf.Empty empty = 31; google.protobuf.Value val = 32; google.protobuf.ListValue lv = 33;
  repeated int64 nums = 34; repeated Inner inners = 35; map<string, int64> m = 36; repeated string tags = 37;
  uint32 u32 = 38; sint32 s32 = 39;
}
message Node { string name = 1; Node next = 2; }
`

const MAX = 9223372036854775807n
const MIN = -9223372036854775808n

function setup(include?: string[], protocol: 'raw' | 'serdes' = 'raw', name = 't.Row'): { dec: PartDecoder; type: protobuf.Type } {
  const schema = loadProtoSource('valueSpec', PROTO, name)
  const dec = protobufDecoderFor('valueSpec', schema, protocol, include)
  const root = protobuf.parse(PROTO, new protobuf.Root(), { keepCase: true }).root
  for (const f of ['timestamp', 'duration', 'wrappers', 'any', 'struct', 'field_mask', 'empty']) root.addJSON(protobuf.common.get(`google/protobuf/${f}.proto`)!.nested!)
  root.resolveAll()
  return { dec, type: root.lookupType(name) }
}

function read(dec: PartDecoder, payloads: (Buffer | null)[]): Record<string, unknown>[] {
  const t = new LiveTable(dec.columns.map((c) => ({ ...c })), { kind: 'append' })
  for (const p of payloads) {
    t.beginRow()
    try {
      dec.decode(p, 0, p ? p.length : 0, t.writers, 0)
      t.commitRow()
    } catch (e) {
      t.abortRow()
      throw e
    }
  }
  t.flush()
  return t.rows()
}

const enc = (type: protobuf.Type, obj: object): Buffer => Buffer.from(type.encode(type.fromObject(obj)).finish())
const frame = (msg: Buffer, idx: number[] = [0], id = 1): Buffer => {
  const head = Buffer.alloc(5)
  head.writeInt32BE(id, 1)
  const zz = (n: number) => (n << 1) ^ (n >> 31)
  const indexes = idx.length === 1 && idx[0] === 0 ? [0] : [zz(idx.length), ...idx.map(zz)]
  return Buffer.concat([head, Buffer.from(indexes), msg])
}

describe('Protobuf decoder', () => {
  it('flattens nested fields with _ and types every column', () => {
    const { dec } = setup()
    const names = dec.columns.map((c) => `${c.name}:${c.type}`)
    expect(names).toContain('sub_first:string')
    expect(names).toContain('sub_deep_z:int64')
    expect(names).toContain('ts:timestamp')
    expect(names).toContain('dur:duration')
    expect(names).toContain('w64:int64')
    expect(names).toContain('wbool:bool')
    expect(names).toContain('side:string')
    expect(names).toContain('nums:list<int64>')
    expect(names).toContain('m:map<string,int64>')
    expect(names).toContain('inners:string')
    expect(names).not.toContain('empty')
  })

  it('decodes int64 extremes exactly, well-known types, lists and maps', () => {
    const { dec, type } = setup()
    const lmax = Long.fromString(MAX.toString())
    const lmin = Long.fromString(MIN.toString())
    const msg = enc(type, {
      i64: lmax, u64: Long.fromString('18446744073709551615', true), s64: lmin, f64: lmax, sf64: lmin, i32: -5, s: 'héllo', b: Buffer.from([1, 2]),
      flag: true, d: 1.5, f: 0.25, side: 'SELL', maybe: '', sub: { first: 'x', deep: { z: lmin } }, bnum: lmax,
      ts: { seconds: 1700000000, nanos: 123456789 }, dur: { seconds: -2, nanos: -500 },
      w64: { value: lmin }, wstr: { value: 'w' }, wbool: {}, wdbl: { value: 2.5 }, wflt: { value: 1 }, wi32: { value: -7 }, wu32: { value: 4294967295 },
      wu64: { value: lmax }, wbytes: { value: Buffer.from('hi') },
      any: { type_url: 'type.googleapis.com/t.Deep', value: Buffer.from([8, 1]) },
      st: { fields: { k: { stringValue: 'v' }, n: { numberValue: 3 } } }, mask: { paths: ['a.b', 'c'] },
      val: { listValue: { values: [{ boolValue: true }, { nullValue: 0 }] } }, lv: { values: [{ numberValue: 1 }] },
      nums: [lmax, lmin, 1], inners: [{ first: 'p', n: 0 }, {}], m: { a: lmin }, tags: ['x', 'y'], u32: 4294967295, s32: -3
    })
    const [row] = read(dec, [msg])
    expect(row).toMatchObject({
      i64: MAX, u64: -1n, s64: MIN, f64: MAX, sf64: MIN, i32: -5, s: 'héllo', flag: true, d: 1.5, f: 0.25, side: 'SELL', maybe: '',
      sub_first: 'x', sub_n: null, sub_deep_z: MIN, a: null, bnum: MAX,
      ts: 1_700_000_000_123_456_789n, dur: -2_000_000_500n,
      w64: MIN, wstr: 'w', wbool: false, wdbl: 2.5, wflt: 1, wi32: -7, wu32: -1, wu64: MAX,
      mask: '"a.b,c"',
      nums: [MAX, MIN, 1n], inners: '[{"first":"p","n":0},{}]', m: { a: MIN }, tags: ['x', 'y'], u32: -1, s32: -3
    })
    expect(Buffer.from(row.b as Uint8Array)).toEqual(Buffer.from([1, 2]))
    expect(Buffer.from(row.wbytes as Uint8Array).toString()).toBe('hi')
    expect(JSON.parse(row.any as string)).toEqual({ '@type': 'type.googleapis.com/t.Deep', value: 'CAE=' })
    expect(JSON.parse(row.st as string)).toEqual({ k: 'v', n: 3 })
    expect(JSON.parse(row.val as string)).toEqual([true, null])
    expect(JSON.parse(row.lv as string)).toEqual([1])
  })

  it('gives null for absent presence fields, defaults for plain proto3 scalars, nulls for a null payload', () => {
    const { dec, type } = setup()
    const [empty, nul] = read(dec, [enc(type, {}), null])
    expect(empty).toMatchObject({ i64: 0n, s: '', flag: false, side: 'BUY', maybe: null, sub_first: null, sub_deep_z: null, a: null, bnum: null, ts: null, w64: null, nums: [], m: {}, st: null })
    for (const v of Object.values(nul)) expect(v).toBeNull()
    const [subOnly] = read(dec, [enc(type, { sub: {} })])
    expect(subOnly).toMatchObject({ sub_first: '', sub_n: null, sub_deep_z: null })
  })

  it('keeps only the last oneof member and merges repeated occurrences of a message', () => {
    const { dec, type } = setup()
    const a = enc(type, { a: 'first', sub: { first: 'x' } })
    const b = enc(type, { bnum: 5, sub: { n: 3 } })
    const [row] = read(dec, [Buffer.concat([a, b])])
    expect(row).toMatchObject({ a: null, bnum: 5n, sub_first: 'x', sub_n: 3 })
  })

  it('selects columns with include paths and rejects cycles unless excluded', () => {
    const { dec } = setup(['/sub/*', '/i64'])
    expect(dec.columns.map((c) => c.name)).toEqual(['i64', 'sub_first', 'sub_n', 'sub_deep_z'])
    expect(() => setup(undefined, 'raw', 't.Node')).toThrow(/Cyclical/)
    expect(setup(['/name'], 'raw', 't.Node').dec.columns.map((c) => c.name)).toEqual(['name'])
  })

  it('reads Confluent framing with message indexes and rejects bad frames', () => {
    const { dec, type } = setup(['/i64'], 'serdes')
    const msg = enc(type, { i64: 7 })
    // the file's messages are Inner, Deep, Row, Node: t.Row is index 2; the schema id is ignored (999 is unknown)
    expect(read(dec, [frame(msg, [2]), frame(msg, [2], 999)])).toEqual([{ i64: 7n }, { i64: 7n }])
    expect(() => read(dec, [frame(msg)])).toThrow(/t\.Inner/)
    const first = setup(['/first'], 'serdes', 't.Inner')
    const inner = enc(first.type, { first: 'q' })
    const longForm = Buffer.concat([frame(inner).subarray(0, 5), Buffer.from([2, 0]), inner])
    expect(read(first.dec, [frame(inner), longForm])).toEqual([{ first: 'q' }, { first: 'q' }])
    const bad = (b: Buffer) => () => read(dec, [b])
    expect(bad(frame(msg, [1]))).toThrow(/t\.Deep/)
    expect(bad(Buffer.from([0, 0, 0]))).toThrow(RecordDecodeError)
    const wrongMagic = frame(msg)
    wrongMagic[0] = 1
    expect(bad(wrongMagic)).toThrow(/magic byte/)
    const full = frame(enc(type, { s: 'a long string' }), [2])
    expect(() => read(setup(['/s'], 'serdes').dec, [full.subarray(0, full.length - 3)])).toThrow(/truncated/)
  })
})

describe('protobufSpec()', () => {
  it('validates and defaults the protocol', () => {
    expect(protobufSpec({ subject: 'x-value' }).protocol).toBe('serdes')
    expect(protobufSpec({ proto: PROTO, messageName: 't.Row' }).protocol).toBe('raw')
    expect(protobufSpec({ proto: 'a.proto', messageName: 'Row' }, { protocol: 'serdes', include: ['/a/*'] })).toMatchObject({ protocol: 'serdes', include: ['/a/*'] })
    expect(() => protobufSpec({ subject: '' })).toThrow(TypeError)
    expect(() => protobufSpec({ subject: 's', version: 0 })).toThrow(/version/)
    expect(() => protobufSpec({ proto: PROTO } as never)).toThrow(/messageName/)
    expect(() => protobufSpec({ subject: 's' }, { include: ['a'] })).toThrow(/start with/)
    expect(() => protobufSpec({ subject: 's' }, { protocol: 'x' as never })).toThrow(/protocol/)
  })

  it('repeated scalars become list columns (packed or not) and maps of scalars map columns (keys as text)', () => {
    const proto = `
syntax = "proto2";
package p;
enum Side { BUY = 0; SELL = 1; }
message R {
  repeated int32 packed = 1 [packed = true]; repeated sint64 loose = 2; repeated double ds = 3 [packed = true];
  repeated Side sides = 4; repeated bytes blobs = 5; map<int32, string> byId = 6; map<bool, double> flags = 7;
  repeated fixed32 fx = 8 [packed = true];
}`
    const dec = protobufDecoderFor('valueSpec', loadProtoSource('valueSpec', proto, 'p.R'), 'raw', undefined)
    expect(dec.columns.map((c) => c.type)).toEqual(['list<int32>', 'list<int64>', 'list<float64>', 'list<string>', 'list<bytes>', 'map<string,string>', 'map<string,float64>', 'list<int32>'])
    const type = protobuf.parse(proto, new protobuf.Root(), { keepCase: true }).root.lookupType('p.R')
    const [row, empty] = read(dec, [
      enc(type, { packed: [1, -2, 300], loose: [Long.fromString(MIN.toString()), 5], ds: [0.5, -1], sides: [1, 0], blobs: [Buffer.from('ab')], byId: { 7: 'seven', '-1': '' }, flags: { true: 2.5 }, fx: [4294967295, 1] }),
      enc(type, {})
    ])
    expect(row).toEqual({
      packed: [1, -2, 300], loose: [MIN, 5n], ds: [0.5, -1], sides: ['SELL', 'BUY'], blobs: [new Uint8Array([0x61, 0x62])],
      byId: { 7: 'seven', '-1': '' }, flags: { true: 2.5 }, fx: [-1, 1]
    })
    expect(empty).toEqual({ packed: [], loose: [], ds: [], sides: [], blobs: [], byId: {}, flags: {}, fx: [] })
  })
})

describe('include paths inside repeated messages and maps of messages', () => {
  const proto = `
syntax = "proto3";
package q;
import "google/protobuf/timestamp.proto";
message Leg { string venue = 1; int64 qty = 2; Px px = 3; google.protobuf.Timestamp at = 4; }
message Px { double bid = 1; double ask = 2; }
message Order { string id = 1; repeated Leg legs = 2; map<string, Leg> byVenue = 3; repeated string tags = 4; }
`
  const load = (include?: string[]) => protobufDecoderFor('valueSpec', loadProtoSource('valueSpec', proto, 'q.Order'), 'raw', include)
  const root = protobuf.parse(proto, new protobuf.Root(), { keepCase: true }).root
  root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!)
  root.resolveAll()
  const type = root.lookupType('q.Order')
  const msg = enc(type, {
    id: 'o1',
    legs: [{ venue: 'X', qty: 5, px: { bid: 1, ask: 2 }, at: { seconds: 1, nanos: 0 } }, { venue: 'Y', qty: 6 }],
    byVenue: { X: { venue: 'X', qty: 5, px: { bid: 1 } } },
    tags: ['a']
  })

  it('keeps only the selected fields inside repeated messages and map values (map values under <map>/value)', () => {
    const dec = load(['/id', '/legs/qty', '/legs/px/bid', '/legs/at', '/byVenue/value/venue'])
    expect(dec.columns.map((c) => c.name)).toEqual(['id', 'legs', 'byVenue'])
    expect(read(dec, [msg])).toEqual([
      { id: 'o1', legs: '[{"qty":"5","px":{"bid":1},"at":"1970-01-01T00:00:01Z"},{"qty":"6"}]', byVenue: '{"X":{"venue":"X"}}' }
    ])
  })

  it('a repeated message or map none of whose fields is selected gives no column, as a nested message; a wildcard selects all', () => {
    expect(load(['/id', '/legs', '/byVenue/key']).columns.map((c) => c.name)).toEqual(['id'])
    const all = load(['/legs/*', '/tags'])
    expect(all.columns.map((c) => c.name)).toEqual(['legs', 'tags'])
    expect(read(all, [msg])[0].legs).toBe('[{"venue":"X","qty":"5","px":{"bid":1,"ask":2},"at":"1970-01-01T00:00:01Z"},{"venue":"Y","qty":"6"}]')
    expect(read(load(), [msg])[0].byVenue).toBe('{"X":{"venue":"X","qty":"5","px":{"bid":1}}}')
  })
})
