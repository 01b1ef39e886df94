import { describe, expect, it } from 'vitest'
import { jsonObject } from './jsonObject'
import { decodeWith } from './testSupport'

const { long, double, string, bool, instant, object, array } = jsonObject

describe('jsonObject provider', () => {
  it('decodes every value type, nested objects joined with _, arrays of scalars as list columns', () => {
    const provider = jsonObject({
      sym: string(),
      seq: long(),
      px: double(),
      ok: bool(),
      ts: instant(),
      ms: instant({ numberFormat: 'ms' }),
      s: instant({ numberFormat: 's' }),
      ns: instant({ numberFormat: 'ns' }),
      point: object({ latitude: double(), where: object({ name: string() }) }),
      tags: array(string()),
      times: array(instant())
    })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual([
      'sym:string',
      'seq:int64',
      'px:float64',
      'ok:bool',
      'ts:timestamp',
      'ms:timestamp',
      's:timestamp',
      'ns:timestamp',
      'point_latitude:float64',
      'point_where_name:string',
      'tags:list<string>',
      'times:list<timestamp>'
    ])
    const doc = {
      sym: 'A\\"B',
      seq: '9223372036854775807',
      px: 1.5,
      ok: true,
      ts: '2026-11-25T10:00:00.123456789Z',
      ms: 1_700_000_000_123,
      s: 1_700_000_000,
      ns: '1700000000123456789',
      point: { latitude: -3.25, where: { name: 'x' } },
      tags: ['a', 'b'],
      times: ['2026-11-25T10:00:00Z']
    }
    const text = JSON.stringify(doc).replace('"9223372036854775807"', '9223372036854775807').replace('"1700000000123456789"', '1700000000123456789').replace('"tags":["a","b"]', '"tags": [ "a", "b" ]')
    const { rows, errors } = decodeWith(provider, [text])
    expect(errors).toEqual([null])
    expect(rows).toEqual([
      {
        sym: 'A\\"B',
        seq: 9223372036854775807n,
        px: 1.5,
        ok: true,
        ts: 1_795_600_800_123_456_789n,
        ms: 1_700_000_000_123_000_000n,
        s: 1_700_000_000_000_000_000n,
        ns: 1_700_000_000_123_456_789n,
        point_latitude: -3.25,
        point_where_name: 'x',
        tags: ['a', 'b'],
        times: [1_795_600_800_000_000_000n]
      }
    ])
  })

  it('is strict by default: missing, null and wrongly typed values fail the record', () => {
    const provider = jsonObject({ n: long(), d: double(), s: string(), b: bool(), t: instant(), e: instant({ numberFormat: 'ms' }), p: object({ x: long() }), a: array(long()) })
    const good = '{"n":1,"d":2,"s":"x","b":false,"t":"2024-01-01T00:00:00Z","e":5,"p":{"x":3},"a":[1,2]}'
    const bad = (field: string, value: string): string => good.replace(new RegExp(`"${field}":(\\{[^}]*\\}|\\[[^\\]]*\\]|"[^"]*"|[^,}]*)`), `"${field}":${value}`)
    const missing = good.replace('"n":1,', '')
    const { rows, errors } = decodeWith(provider, [
      good,
      missing,
      bad('n', 'null'),
      bad('n', '"1"'),
      bad('n', '1.5'),
      bad('n', '1e3'),
      bad('n', '99999999999999999999'),
      bad('d', '"2"'),
      bad('s', '3'),
      bad('b', '"true"'),
      bad('t', '1700000000'),
      bad('t', '"2024-01-01T00:00:00"'),
      bad('e', '"5"'),
      bad('p', '3'),
      bad('p', '{}'),
      bad('a', '[1,"2"]'),
      bad('a', '[1,null]'),
      '[1]',
      'null',
      null,
      '{"n":'
    ])
    expect(rows).toEqual([{ n: 1n, d: 2, s: 'x', b: false, t: 1_704_067_200_000_000_000n, e: 5_000_000n, p_x: 3n, a: [1n, 2n] }])
    expect(errors).toEqual([
      null,
      "field 'n' is missing (allowMissing is not set)",
      "field 'n' is null (allowNull is not set)",
      "field 'n': \"1\" is not an integer",
      "field 'n': 1.5 is not an integer",
      "field 'n': 1e3 is not an integer",
      "field 'n': 99999999999999999999 is out of range for int64",
      "field 'd': \"2\" is not a number",
      "field 's': 3 is not a string",
      "field 'b': \"true\" is not true or false",
      "field 't': 1700000000 is not an ISO-8601 string",
      "field 't': \"2024-01-01T00:00:00\" has no time zone",
      "field 'e': \"5\" is not an integer (epoch ms)",
      "field 'p': 3 is not an object",
      "field 'p.x' is missing (allowMissing is not set)",
      'field \'a\': element 1: "2" is not an integer',
      "field 'a': element 1 is null (allowNull is not set)",
      'the value: an array is not an object',
      'the value is null (allowNull is not set)',
      'the value is a Kafka null (allowNull is not set)',
      expect.stringMatching(/invalid JSON/) as unknown as string
    ])
  })

  it('gives null where allowMissing / allowNull allow it, down through absent objects', () => {
    const provider = jsonObject(
      {
        n: long({ allowMissing: true }),
        s: string({ allowNull: true }),
        p: object({ x: long(), q: object({ y: string() }) }, { allowMissing: true, allowNull: true }),
        a: array(string({ allowNull: true }), { allowMissing: true })
      },
      { allowNull: true }
    )
    const { rows, errors } = decodeWith(provider, ['{"s":null,"a":["x",null]}', '{"n":2,"s":"v","p":null}', '{"s":"v","p":{"x":1,"q":{"y":"z"}}}', 'null', null, '{"s":"v","n":null}'])
    expect(errors).toEqual([null, null, null, null, null, "field 'n' is null (allowNull is not set)"])
    const empty = { n: null, s: null, p_x: null, p_q_y: null, a: null }
    expect(rows).toEqual([{ ...empty, a: ['x', null] }, { ...empty, n: 2n, s: 'v' }, { ...empty, s: 'v', p_x: 1n, p_q_y: 'z' }, empty, empty])
  })

  it('checks its arguments', () => {
    expect(() => jsonObject({})).toThrow(TypeError)
    expect(() => jsonObject({ a: 'long' as never })).toThrow(/field 'a'/)
    expect(() => instant({ numberFormat: 'min' as never })).toThrow(/numberFormat/)
    expect(() => jsonObject({ a_b: long(), a: object({ b: long() }) })).toThrow(/a_b/)
    expect(() => object({})).toThrow(TypeError)
  })
})
