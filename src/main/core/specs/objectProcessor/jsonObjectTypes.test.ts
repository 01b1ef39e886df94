import { describe, expect, it } from 'vitest'
import { jsonObject } from './jsonObject'
import { decodeWith } from './testSupport'

const j = jsonObject

describe('jsonObject value types', () => {
  it('decodes int, short, byte, float, char, bigInteger, bigDecimal, date, duration, any and skips skip()', () => {
    const provider = j({
      i: j.int(),
      sh: j.short(),
      by: j.byte(),
      f: j.float(),
      c: j.char(),
      bi: j.bigInteger(),
      bd: j.bigDecimal(),
      d: j.date(),
      du: j.duration(),
      any: j.any(),
      anyS: j.any(),
      ignored: j.skip()
    })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual([
      'i:int32',
      'sh:int16',
      'by:int16',
      'f:float32',
      'c:string',
      'bi:decimal',
      'bd:decimal',
      'd:date',
      'du:duration',
      'any:string',
      'anyS:string'
    ])
    const doc =
      '{"i":-2147483648,"sh":32767,"by":-128,"f":0.1,"c":"\\u00e9","bi":123456789012345678901234567890,"bd":1.50,' +
      '"d":"2024-02-29","du":"PT1M30.5S","any":{ "a": [1, 2] },"anyS":"x\\"y","ignored":[{"whatever":1}]}'
    const { rows, errors } = decodeWith(provider, [doc])
    expect(errors).toEqual([null])
    expect(rows).toEqual([
      {
        i: -2147483648,
        sh: 32767,
        by: -128,
        f: Math.fround(0.1),
        c: 'é',
        bi: '123456789012345678901234567890',
        bd: '1.50',
        d: 19782,
        du: 90_500_000_000n,
        any: '{"a":[1,2]}',
        anyS: '"x\\"y"'
      }
    ])
  })

  it('rejects values of the wrong type or range, strictly', () => {
    const provider = j({
      i: j.int({ allowMissing: true }),
      by: j.byte({ allowMissing: true }),
      c: j.char({ allowMissing: true }),
      bi: j.bigInteger({ allowMissing: true }),
      bd: j.bigDecimal({ allowMissing: true }),
      d: j.date({ allowMissing: true }),
      du: j.duration({ allowMissing: true })
    })
    const { errors } = decodeWith(provider, [
      '{"i":2147483648}',
      '{"i":1.5}',
      '{"i":"1"}',
      '{"by":128}',
      '{"c":"ab"}',
      '{"c":1}',
      '{"c":"\u{1F600}"}',
      '{"bi":1.5}',
      '{"bi":"12"}',
      '{"bd":"1.5"}',
      '{"d":"2023-02-29"}',
      '{"d":19782}',
      '{"du":"90"}',
      '{"du":90}',
      '{"du":"P1X"}'
    ])
    expect(errors).toEqual([
      "field 'i': 2147483648 is out of range for int32",
      "field 'i': 1.5 is not an integer",
      'field \'i\': "1" is not an integer',
      "field 'by': 128 is out of range for int8 (byte)",
      'field \'c\': "ab" is not a string of one character',
      "field 'c': 1 is not a string of one character",
      'field \'c\': "\u{1F600}" is not a string of one character',
      "field 'bi': 1.5 is not an integer",
      'field \'bi\': "12" is not an integer',
      'field \'bd\': "1.5" is not a number',
      'field \'d\': "2023-02-29" is not an ISO-8601 date (YYYY-MM-DD)',
      "field 'd': 19782 is not an ISO-8601 date (YYYY-MM-DD)",
      'field \'du\': "90" is not an ISO-8601 duration (PnDTnHnMn.nS)',
      "field 'du': 90 is not an ISO-8601 duration (PnDTnHnMn.nS)",
      'field \'du\': "P1X" is not an ISO-8601 duration (PnDTnHnMn.nS)'
    ])
  })

  it('allowString accepts numbers and booleans given as JSON strings; allowDecimal truncates toward zero', () => {
    const provider = j({
      l: j.long({ allowString: true }),
      i: j.int({ allowDecimal: true }),
      s: j.short({ allowString: true, allowDecimal: true }),
      d: j.double({ allowString: true }),
      b: j.bool({ allowString: true }),
      bi: j.bigInteger({ allowString: true, allowDecimal: true }),
      bd: j.bigDecimal({ allowString: true }),
      t: j.instant({ numberFormat: 's', allowString: true, allowDecimal: true }),
      str: j.string({ allowInt: true, allowDecimal: true, allowBool: true })
    })
    const { rows, errors } = decodeWith(provider, [
      '{"l":"-9223372036854775808","i":-7.9,"s":"12.7","d":"1e3","b":" TRUE ","bi":"-0.5","bd":"1.230","t":"1.5","str":12}',
      '{"l":7,"i":2e3,"s":3,"d":"NaN","b":false,"bi":12.9e1,"bd":2,"t":1.000000001,"str":true}',
      '{"l":"7.5","i":1,"s":1,"d":1,"b":true,"bi":1,"bd":1,"t":1,"str":"x"}',
      '{"l":"","i":1,"s":1,"d":1,"b":true,"bi":1,"bd":1,"t":1,"str":"x"}',
      '{"l":1,"i":1,"s":1,"d":" ","b":true,"bi":1,"bd":1,"t":1,"str":"x"}',
      '{"l":1,"i":1,"s":1,"d":1,"b":"yes","bi":1,"bd":1,"t":1,"str":"x"}',
      '{"l":1,"i":"1","s":1,"d":1,"b":true,"bi":1,"bd":1,"t":1,"str":"x"}'
    ])
    expect(errors).toEqual([
      null,
      null,
      'field \'l\': "7.5" is not an integer',
      'field \'l\': "" is not an integer',
      'field \'d\': " " is not a number',
      'field \'b\': "yes" is not true or false',
      'field \'i\': "1" is not an integer'
    ])
    expect(rows).toEqual([
      { l: -9223372036854775808n, i: -7, s: 12, d: 1000, b: true, bi: '0', bd: '1.230', t: 1_500_000_000n, str: '12' },
      { l: 7n, i: 2000, s: 3, d: Number.NaN, b: false, bi: '129', bd: '2', t: 1_000_000_001n, str: 'true' }
    ])
  })

  it('writes onMissing / onNull defaults (setting one allows the missing / null value)', () => {
    const provider = j({
      l: j.long({ onMissing: -1n, onNull: 0 }),
      i: j.int({ onNull: 7 }),
      s: j.string({ onMissing: 'n/a' }),
      b: j.bool({ onMissing: false }),
      t: j.instant({ onMissing: '2024-01-01T00:00:00Z', onNull: 5n }),
      d: j.date({ onMissing: '2024-01-02' }),
      du: j.duration({ onMissing: 'PT1S' }),
      bd: j.bigDecimal({ onMissing: '1.10' }),
      a: j.array(j.long({ onNull: 0 }), { allowMissing: true })
    })
    const { rows, errors } = decodeWith(provider, ['{"l":null,"i":null,"t":null,"a":[1,null]}', '{"i":1}', '{"l":1,"i":null,"s":null}'])
    expect(errors).toEqual([null, null, "field 's' is null (allowNull is not set)"])
    const defaults = { s: 'n/a', b: false, d: 19724, du: 1_000_000_000n, bd: '1.10' }
    expect(rows).toEqual([
      { ...defaults, l: 0n, i: 7, t: 5n, a: [1n, 0n] },
      { ...defaults, l: -1n, i: 1, t: 1_704_067_200_000_000_000n, a: null }
    ])
  })

  it('rejects defaults the column cannot hold', () => {
    expect(() => j({ a: j.int({ onNull: 1.5 }) })).toThrow(/1.5 is not a valid default for int/)
    expect(() => j({ a: j.char({ onNull: 'ab' }) })).toThrow(/onNull/)
    expect(() => j({ a: j.instant({ onMissing: 'yesterday' }) })).toThrow(/onMissing/)
    expect(() => j({ a: j.long({ onMissing: 2n ** 63n }) })).toThrow(TypeError)
    expect(() => j({ a: j.skip() })).toThrow(/no column/)
  })

  it('allowUnknownFields: false fails a record with a field not listed (skip() fields count as listed)', () => {
    const provider = j({ a: j.long(), x: j.skip(), p: j.object({ q: j.long() }, { allowUnknownFields: false }) }, { allowUnknownFields: false })
    const { rows, errors } = decodeWith(provider, ['{"a":1,"x":{},"p":{"q":2}}', '{"a":1,"p":{"q":2},"b\\u00e9":3}', '{"a":1,"p":{"q":2,"r":3}}'])
    expect(errors).toEqual([null, "the value: unknown field 'bé' (allowUnknownFields is false)", "field 'p': unknown field 'r' (allowUnknownFields is false)"])
    expect(rows).toEqual([{ a: 1n, p_q: 2n }])
  })
})
