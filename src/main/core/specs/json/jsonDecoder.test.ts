import { describe, expect, it } from 'vitest'
import { jsonSpec } from '../../api/keyValueSpec'
import { LiveTable } from '../../engine/liveTable'
import type { ColumnType } from '../../types'
import { RecordDecodeError } from '../recordDecodeError'
import { createJsonDecoder } from './jsonDecoder'

interface Decoded {
  rows: Record<string, unknown>[]
  fieldErrors: [string, string][]
}

/** Decodes each payload (text, or null for a Kafka null) into one row through a LiveTable. */
function decode(columns: Record<string, ColumnType> | [string, ColumnType][], payloads: (string | Buffer | null)[], mapping?: Record<string, string>): Decoded {
  const decoder = createJsonDecoder(jsonSpec(columns, mapping))
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  const fieldErrors: [string, string][] = []
  for (const payload of payloads) {
    const buf = typeof payload === 'string' ? Buffer.from(payload) : payload
    table.beginRow()
    decoder.decode(buf, 0, buf?.length ?? 0, table.writers, 0, (field, reason) => fieldErrors.push([field, reason]))
    table.commitRow()
  }
  table.flush()
  return { rows: table.rows(), fieldErrors }
}

/** The values of one column for each payload. */
function column(type: ColumnType, values: string[]): { values: unknown[]; fieldErrors: [string, string][] } {
  const { rows, fieldErrors } = decode({ v: type }, values.map((v) => `{"v":${v}}`))
  return { values: rows.map((r) => r.v), fieldErrors }
}

function decodeError(columns: Record<string, ColumnType>, payload: string): RecordDecodeError {
  const decoder = createJsonDecoder(jsonSpec(columns))
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  table.beginRow()
  try {
    decoder.decode(Buffer.from(payload), 0, Buffer.byteLength(payload), table.writers, 0)
  } catch (e) {
    table.abortRow()
    if (e instanceof RecordDecodeError) return e
    throw e
  }
  throw new Error(`no error for ${payload}`)
}

describe('JSON decoder: fields to columns', () => {
  it('reads every column type from a flat object', () => {
    const { rows, fieldErrors } = decode(
      { sym: 'string', ts: 'timestamp', seq: 'int64', px: 'float64', qty: 'int32', side: 'int16', f: 'float32', ok: 'bool', raw: 'bytes' },
      ['{"sym":"AAPL","ts":1700000000123,"seq":9223372036854775807,"px":101.25,"qty":-7,"side":2,"f":0.1,"ok":true,"raw":"AP8B"}']
    )
    expect(fieldErrors).toEqual([])
    expect(rows).toEqual([
      { sym: 'AAPL', ts: 1_700_000_000_123_000_000n, seq: 9223372036854775807n, px: 101.25, qty: -7, side: 2, f: Math.fround(0.1), ok: true, raw: new Uint8Array([0, 255, 1]) }
    ])
  })

  it('gives null for missing fields, JSON null and Kafka null (tombstone), without errors', () => {
    const { rows, fieldErrors } = decode({ a: 'int32', b: 'string', c: 'timestamp' }, ['{"a":null}', '{}', null, '{"b":null,"c":null,"a":1}'])
    expect(rows).toEqual([
      { a: null, b: null, c: null },
      { a: null, b: null, c: null },
      { a: null, b: null, c: null },
      { a: 1, b: null, c: null }
    ])
    expect(fieldErrors).toEqual([])
  })

  it('ignores fields no column reads, including nested ones, and tolerates any field order and whitespace', () => {
    const { rows } = decode({ a: 'int32', b: 'string' }, [
      '{"x":{"a":5,"y":[1,{"b":"no"}]},"b":"yes","a":3}',
      ' \n\t{ "b" : "s" , "z" : [ ] , "a" : 4 }\r\n',
      '{"b":"only"}'
    ])
    expect(rows).toEqual([
      { a: 3, b: 'yes' },
      { a: 4, b: 's' },
      { a: null, b: 'only' }
    ])
  })

  it('decodes a range inside a larger buffer', () => {
    const decoder = createJsonDecoder(jsonSpec({ a: 'int32' }))
    const table = new LiveTable([...decoder.columns], { kind: 'append' })
    const buf = Buffer.from('xx{"a":12}{"a":99}')
    table.beginRow()
    decoder.decode(buf, 2, 10, table.writers, 0)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([{ a: 12 }])
  })

  it('writes to writers[first + i]', () => {
    const decoder = createJsonDecoder(jsonSpec({ a: 'int32', b: 'string' }))
    const table = new LiveTable([{ name: 'k', type: 'int32' }, ...decoder.columns], { kind: 'append' })
    table.beginRow()
    table.writers[0].appendNumber(1)
    decoder.decode(Buffer.from('{"b":"x","a":2}'), 0, 15, table.writers, 1)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([{ k: 1, a: 2, b: 'x' }])
  })

  it('takes the last of duplicate fields, as JSON.parse does, also for nested paths', () => {
    const { rows } = decode({ a: 'int32', b: 'int32' }, ['{"a":1,"a":2}', '{"p":{"b":1},"p":{"c":2}}', '{"p":{"b":1},"p":7}', '{"p":5,"p":{"b":3}}'], { '/p/b': 'b' })
    expect(rows.map((r) => [r.a, r.b])).toEqual([
      [2, null],
      [null, null],
      [null, null],
      [null, 3]
    ])
  })

  it('works without a field-error callback (the value is null)', () => {
    const decoder = createJsonDecoder(jsonSpec({ a: 'int32' }))
    const table = new LiveTable([...decoder.columns], { kind: 'append' })
    table.beginRow()
    decoder.decode(Buffer.from('{"a":"abc"}'), 0, 11, table.writers, 0)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([{ a: null }])
  })
})

describe('JSON decoder: pointers and mapping', () => {
  it('maps field names and JSON Pointers to columns; unmapped columns read /<name>', () => {
    const { rows } = decode({ Sym: 'string', Bid: 'float64', Depth: 'int32', qty: 'int32' }, ['{"symbol":"X","quote":{"bid":1.5,"book":{"depth":3}},"qty":9}'], {
      symbol: 'Sym',
      '/quote/bid': 'Bid',
      '/quote/book/depth': 'Depth'
    })
    expect(rows).toEqual([{ Sym: 'X', Bid: 1.5, Depth: 3, qty: 9 }])
  })

  it('unescapes ~1 and ~0 in pointers, and treats / and ~ in plain field names literally', () => {
    const { rows } = decode({ A: 'int32', B: 'int32', 'c/d': 'int32', E: 'int32' }, ['{"a/b":1,"m~n":2,"c/d":3,"":4}'], { '/a~1b': 'A', 'm~n': 'B', '/': 'E' })
    expect(rows).toEqual([{ A: 1, B: 2, 'c/d': 3, E: 4 }])
  })

  it('indexes arrays with numeric segments (which also match object fields named like them)', () => {
    const { rows } = decode({ first: 'int32', third: 'string', o: 'int32' }, ['{"xs":[10,[20],"thirty"],"obj":{"0":5}}', '{"xs":[]}', '{"xs":{"0":1}}'], {
      '/xs/0': 'first',
      '/xs/2': 'third',
      '/obj/0': 'o'
    })
    expect(rows).toEqual([
      { first: 10, third: 'thirty', o: 5 },
      { first: null, third: null, o: null },
      { first: 1, third: null, o: null }
    ])
  })

  it('reads a path that is both a value and a parent of others', () => {
    const { rows } = decode({ whole: 'string', inner: 'int32' }, ['{"p": {"q": 1, "r": [true, null]}}', '{"p":"text"}'], { '/p': 'whole', '/p/q': 'inner' })
    expect(rows).toEqual([
      { whole: '{"q":1,"r":[true,null]}', inner: 1 },
      { whole: 'text', inner: null }
    ])
  })

  it('matches field names written with escapes and non-ASCII names', () => {
    const { rows } = decode({ 'prix €': 'float64', 'a"b': 'int32', tab: 'int32' }, ['{"prix \\u20ac":2.5,"a\\"b":1,"t\\u0061b":4}'])
    expect(rows).toEqual([{ 'prix €': 2.5, 'a"b': 1, tab: 4 }])
  })

  it('gives null for every column when the document is not an object', () => {
    const { rows, fieldErrors } = decode({ a: 'int32' }, ['[1,2]', '42', '"text"', 'null'])
    expect(rows.map((r) => r.a)).toEqual([null, null, null, null])
    expect(fieldErrors).toEqual([])
  })
})

describe('JSON decoder: integers', () => {
  it('int64 is exact over the whole range, as numbers and as strings', () => {
    const { values, fieldErrors } = column('int64', [
      '9223372036854775807',
      '-9223372036854775808',
      '9007199254740993',
      '"-9007199254740993"',
      '123456789012345678',
      '0',
      '-0',
      '1e18',
      '12345678901234567.89',
      '-1.9'
    ])
    expect(values).toEqual([9223372036854775807n, -9223372036854775808n, 9007199254740993n, -9007199254740993n, 123456789012345678n, 0n, 0n, 10n ** 18n, 12345678901234567n, -1n])
    expect(fieldErrors).toEqual([])
  })

  it('int64 out of range is null and a field error', () => {
    const { values, fieldErrors } = column('int64', ['9223372036854775808', '-9223372036854775809', '1e19', '123456789012345678901234'])
    expect(values).toEqual([null, null, null, null])
    expect(fieldErrors).toEqual([
      ['v', '9223372036854775808 is out of range for int64'],
      ['v', '-9223372036854775809 is out of range for int64'],
      ['v', '1e19 is out of range for int64'],
      ['v', '123456789012345678901234 is out of range for int64']
    ])
  })

  it('int32 and int16 truncate fractions toward zero (as Deephaven) and reject out-of-range values', () => {
    expect(column('int32', ['2147483647', '-2147483648', '1.9', '-1.9', '2.5e3', '0.5', '2147483648']).values).toEqual([2147483647, -2147483648, 1, -1, 2500, 0, null])
    const int16 = column('int16', ['32767', '-32768', '32768', '-40000.5', '1e10'])
    expect(int16.values).toEqual([32767, -32768, null, null, null])
    expect(int16.fieldErrors).toEqual([
      ['v', '32768 is out of range for int16'],
      ['v', '-40000.5 is out of range for int16'],
      ['v', '1e10 is out of range for int16']
    ])
  })

  it('parses numbers inside strings (with whitespace, +, leading zeros); an empty string is null', () => {
    const { values, fieldErrors } = column('int32', ['"42"', '" -7 "', '"+5"', '"007"', '"3.99"', '"1e3"', '""', '"  "'])
    expect(values).toEqual([42, -7, 5, 7, 3, 1000, null, null])
    expect(fieldErrors).toEqual([])
  })

  it('non-numeric text, objects and arrays are null and a field error (Deephaven gives 0); true/false are 1/0', () => {
    const { values, fieldErrors } = column('int32', ['"abc"', '"12abc"', '{"x":1}', '[1]', 'true', 'false', '"0x10"', '"NaN"'])
    expect(values).toEqual([null, null, null, null, 1, 0, null, null])
    expect(fieldErrors).toEqual([
      ['v', '"abc" is not a number'],
      ['v', '"12abc" is not a number'],
      ['v', 'an object is not a number'],
      ['v', 'an array is not a number'],
      ['v', '"0x10" is not a number'],
      ['v', '"NaN" is not a number']
    ])
  })
})

describe('JSON decoder: floats', () => {
  it('reads numbers as JSON.parse does (correctly rounded)', () => {
    const texts = ['0', '-0', '1.5', '-101.125', '0.1', '1e-7', '1.7976931348623157e308', '5e-324', '123456789012345678901234567890', '0.30000000000000004', '9007199254740993', '1E+2', '2.2250738585072014e-308']
    expect(column('float64', texts).values).toEqual(texts.map((t) => JSON.parse(t)))
    expect(column('float32', ['0.1', '3.4028235e38', '1e39']).values).toEqual([Math.fround(0.1), Math.fround(3.4028235e38), Infinity])
  })

  it('parses numeric strings, NaN and Infinity; other text is null and a field error', () => {
    const { values, fieldErrors } = column('float64', ['"2.5"', '" 1e3 "', '".5"', '"5."', '"NaN"', '"Infinity"', '"-Infinity"', '"+Infinity"', '"abc"', '""', 'true', '[]'])
    expect(values).toEqual([2.5, 1000, 0.5, 5, NaN, Infinity, -Infinity, Infinity, null, null, 1, null])
    expect(fieldErrors).toEqual([
      ['v', '"abc" is not a number'],
      ['v', 'an array is not a number']
    ])
  })
})

describe('JSON decoder: booleans', () => {
  it("accepts true/false and Deephaven's spellings; '' is null; anything else is null and a field error", () => {
    const { values, fieldErrors } = column('bool', ['true', 'false', '"true"', '"True"', '"TRUE"', '"T"', '"t"', '"1"', '1', '"false"', '"False"', '"FALSE"', '"F"', '"f"', '""', '"0"', '0', '"yes"', '{}'])
    expect(values).toEqual([true, false, true, true, true, true, true, true, true, false, false, false, false, false, null, null, null, null, null])
    expect(fieldErrors.map(([, reason]) => reason.split(' is not')[0])).toEqual(['"0"', '0', '"yes"', 'an object'])
  })
})

describe('JSON decoder: strings and bytes', () => {
  it('keeps string text, unescapes escapes, and writes numbers and literals as they are written', () => {
    const { values } = column('string', ['"plain"', '"a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude80"', '"\\ud800x"', '1.50', '-0', '1E+3', 'true', 'false', '""', '"grüße"'])
    expect(values).toEqual(['plain', 'a"b\\c/d\n\té🚀', '\ufffdx', '1.50', '-0', '1E+3', 'true', 'false', '', 'grüße'])
  })

  it('writes objects and arrays as compact JSON text', () => {
    const { values } = column('string', ['{ "a" : [ 1 , 2 ] , "b" : "x y" }', '[]', '{}', '[{"k":"\\" }"}]', '{"nested":{"deep":[null, true]}}'])
    expect(values).toEqual(['{"a":[1,2],"b":"x y"}', '[]', '{}', '[{"k":"\\" }"}]', '{"nested":{"deep":[null,true]}}'])
  })

  it('bytes columns read base64 (standard or URL-safe, padding optional); other values are null and a field error', () => {
    const { values, fieldErrors } = column('bytes', ['"AP8B"', '"AP-_"', '"AQ=="', '"AQ"', '""', '"A"', '"not base64!"', '12', '"AQ\\u003d\\u003d"'])
    expect(values).toEqual([
      new Uint8Array([0, 255, 1]),
      new Uint8Array([0, 255, 191]),
      new Uint8Array([1]),
      new Uint8Array([1]),
      new Uint8Array([]),
      null,
      null,
      null,
      new Uint8Array([1])
    ])
    expect(fieldErrors.map(([, reason]) => reason)).toEqual(['"A" is not base64 text', '"not base64!" is not base64 text', '12 is not base64 text'])
  })
})

describe('JSON decoder: timestamps', () => {
  const ns = (iso: string, extraNanos = 0n) => BigInt(Date.parse(iso)) * 1_000_000n + extraNanos

  it('picks seconds, ms, µs or ns by magnitude, with Deephaven thresholds (9,309,341,000,000 and /1000, *1000)', () => {
    const { values, fieldErrors } = column('timestamp', [
      '1700000000', // seconds
      '1700000000123', // ms
      '1700000000123456', // µs
      '1700000000123456789', // ns
      '9309341000', // seconds: not above the ms threshold
      '9309341001', // ms
      '9309341000000', // ms (not above the µs threshold) but beyond the ns range of int64 → error
      '9309341000001', // µs
      '9223372036854775', // µs
      '9309341000000000', // µs, but past 2262
      '9309341000000001', // ns
      '-1700000000123', // ms before 1970
      '0'
    ])
    expect(values).toEqual([
      1_700_000_000_000_000_000n,
      1_700_000_000_123_000_000n,
      1_700_000_000_123_456_000n,
      1_700_000_000_123_456_789n,
      null, // 9,309,341,000 s is past 2262
      9_309_341_001_000_000n,
      null,
      9_309_341_000_001_000n,
      9_223_372_036_854_775_000n,
      null,
      9_309_341_000_000_001n,
      -1_700_000_000_123_000_000n,
      0n
    ])
    expect(fieldErrors.map(([, reason]) => reason)).toEqual([
      '9309341000 is outside the timestamp range (years 1677 to 2262)',
      '9309341000000 is outside the timestamp range (years 1677 to 2262)',
      '9309341000000000 is outside the timestamp range (years 1677 to 2262)'
    ])
  })

  it('keeps fractions of epoch numbers down to the nanosecond and reads numeric strings the same way', () => {
    const { values, fieldErrors } = column('timestamp', ['1700000000.123456789', '1.7e9', '"1700000000123"', '" 1700000000 "', '"1700000000123456789"', '1700000000123.5'])
    expect(values).toEqual([1_700_000_000_123_456_789n, 1_700_000_000_000_000_000n, 1_700_000_000_123_000_000n, 1_700_000_000_000_000_000n, 1_700_000_000_123_456_789n, 1_700_000_000_123_500_000n])
    expect(fieldErrors).toEqual([])
  })

  it('parses ISO-8601 with Z, offsets and zone names, keeping nanoseconds exact', () => {
    const { values, fieldErrors } = column('timestamp', [
      '"2024-03-01T09:30:00Z"',
      '"2024-03-01T09:30:00.123456789Z"',
      '"2024-03-01T09:30:00.5+01:00"',
      '"2024-03-01 09:30:00,25-0530"',
      '"2024-03-01T09:30Z"',
      '"1969-12-31T23:59:59.999999999Z"',
      '"2024-07-01T12:00:00 America/New_York"',
      '"2024-01-15T12:00:00[Europe/Paris]"',
      '"2024-01-15T12:00:00+01:00[Europe/Paris]"',
      '"2024-01-15T12:00:00 UTC"'
    ])
    expect(values).toEqual([
      ns('2024-03-01T09:30:00Z'),
      ns('2024-03-01T09:30:00.123Z', 456_789n),
      ns('2024-03-01T08:30:00.5Z'),
      ns('2024-03-01T15:00:00.25Z'),
      ns('2024-03-01T09:30:00Z'),
      -1n,
      ns('2024-07-01T16:00:00Z'),
      ns('2024-01-15T11:00:00Z'),
      ns('2024-01-15T11:00:00Z'),
      ns('2024-01-15T12:00:00Z')
    ])
    expect(fieldErrors).toEqual([])
  })

  it('resolves zone names across DST transitions as java.time does', () => {
    const { values } = column('timestamp', [
      '"2024-03-10T02:30:00 America/New_York"', // in the spring-forward gap: moved later by the gap
      '"2024-11-03T01:30:00 America/New_York"', // in the fall-back overlap: the earlier instant
      '"2024-11-03T03:00:00 America/New_York"'
    ])
    expect(values).toEqual([ns('2024-03-10T07:30:00Z'), ns('2024-11-03T05:30:00Z'), ns('2024-11-03T08:00:00Z')])
  })

  it('rejects text that is not a timestamp, local times without a zone and values out of range, as field errors', () => {
    const { values, fieldErrors } = column('timestamp', ['"yesterday"', '"2024-03-01T09:30:00"', '"2024-02-30T00:00:00Z"', '"2024-03-01T09:30:00 Mars/Base"', '"2263-01-01T00:00:00Z"', 'true', '{}', '""'])
    expect(values).toEqual([null, null, null, null, null, null, null, null])
    expect(fieldErrors.map(([, reason]) => reason)).toEqual([
      '"yesterday" is not a timestamp (ISO-8601 with a zone, or epoch seconds, ms, µs or ns)',
      '"2024-03-01T09:30:00" has no time zone: add Z, an offset such as +01:00, or a zone name',
      '"2024-02-30T00:00:00Z" is not a timestamp (ISO-8601 with a zone, or epoch seconds, ms, µs or ns)',
      '"2024-03-01T09:30:00 Mars/Base" names an unknown time zone',
      '"2263-01-01T00:00:00Z" is outside the timestamp range (years 1677 to 2262)',
      'true is not a timestamp',
      'an object is not a timestamp'
    ])
  })

  it('covers the int64 nanosecond range ends exactly', () => {
    const { values } = column('timestamp', ['"2262-04-11T23:47:16.854775807Z"', '"1677-09-21T00:12:43.145224192Z"', '"2262-04-11T23:47:16.854775808Z"'])
    expect(values).toEqual([2n ** 63n - 1n, -(2n ** 63n), null])
  })
})

describe('JSON decoder: field and record errors', () => {
  it('reports the column and, for mapped columns, the pointer; the row keeps its other values', () => {
    const { rows, fieldErrors } = decode({ Qty: 'int32', px: 'float64' }, ['{"q":{"n":"lots"},"px":"1.5"}'], { '/q/n': 'Qty' })
    expect(rows).toEqual([{ Qty: null, px: 1.5 }])
    expect(fieldErrors).toEqual([['Qty', '/q/n: "lots" is not a number']])
  })

  it('shortens long values in reasons', () => {
    const { fieldErrors } = column('int32', [`"${'x'.repeat(100)}"`])
    expect(fieldErrors[0][1]).toBe(`"${'x'.repeat(39)}… is not a number`)
  })

  it('throws RecordDecodeError for invalid JSON, naming the byte offset', () => {
    expect(decodeError({ a: 'int32' }, '{"a":1').message).toBe("invalid JSON at byte 6: expected ',' or '}', the value ends")
    expect(decodeError({ a: 'int32' }, '{"a":01}').message).toBe("invalid JSON at byte 6: expected ',' or '}', found '1'")
    expect(decodeError({ a: 'int32' }, '{"a":1}x').message).toBe("invalid JSON at byte 7: expected the end of the value, found 'x'")
    expect(decodeError({ a: 'int32' }, '').message).toBe('invalid JSON: the value is empty')
    expect(decodeError({ a: 'int32' }, '  ').message).toBe('invalid JSON: the value is only whitespace')
    expect(decodeError({ a: 'int32' }, '{"b":[1,}').message).toBe("invalid JSON at byte 8: expected a value, found '}'")
    expect(decodeError({ a: 'int32' }, '{"a":"x\ny"}').message).toBe('invalid JSON at byte 7: expected a character (control characters must be escaped in strings), found byte 0x0a')
    expect(decodeError({ a: 'int32' }, "{'a':1}").message).toBe("invalid JSON at byte 1: expected a field name in double quotes, found '''")
    expect(decodeError({ a: 'int32' }, '{"a":tru}').message).toBe("invalid JSON at byte 5: expected a value, found 't'")
    expect(decodeError({ a: 'int32' }, '{"a":"\\x"}').message).toBe('invalid JSON at byte 7: expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX), found \'x\'')
  })

  it('accepts a UTF-8 byte order mark', () => {
    expect(decode({ a: 'int32' }, [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])]).rows).toEqual([{ a: 1 }])
  })

  it('validates deeply nested values it skips, without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(decode({ a: 'int32' }, [`{"x":${deep},"a":1}`]).rows).toEqual([{ a: 1 }])
    expect(decodeError({ a: 'int32' }, `{"x":${'['.repeat(1000)}${']'.repeat(999)}}`).message).toMatch(/expected ',' or ']', found '}'/)
  })
})
