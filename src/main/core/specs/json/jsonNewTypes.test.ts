import { describe, expect, it } from 'vitest'
import { jsonSpec } from '../../api/keyValueSpec'
import { LiveTable } from '../../engine/liveTable'
import type { ColumnType } from '../../types'
import { parseIsoDuration } from './convertCalendar'
import { createJsonDecoder } from './jsonDecoder'

/** The values of column v for each payload `{"v":<value>}`, and the field errors. */
function column(type: ColumnType, values: string[]): { values: unknown[]; fieldErrors: string[] } {
  const decoder = createJsonDecoder(jsonSpec({ v: type, n: 'int32' }))
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  const fieldErrors: string[] = []
  for (const v of values) {
    const buf = Buffer.from(`{"v":${v},"n":1}`)
    table.beginRow()
    decoder.decode(buf, 0, buf.length, table.writers, 0, (_, reason) => fieldErrors.push(reason))
    table.commitRow()
  }
  table.flush()
  for (const row of table.rows()) expect(row.n).toBe(1)
  return { values: table.rows().map((r) => r.v), fieldErrors }
}

describe('jsonSpec: date, duration, decimal', () => {
  it('date: ISO YYYY-MM-DD or days since 1970-01-01', () => {
    const { values, fieldErrors } = column('date', ['"2024-02-29"', '19782', '-1', '""', 'null', '"2023-02-29"', '1.5', '"2024-02-29T00:00:00Z"'])
    expect(values).toEqual([19782, 19782, -1, null, null, null, null, null])
    expect(fieldErrors).toEqual([
      '"2023-02-29" is not a date (YYYY-MM-DD or days since 1970-01-01)',
      '1.5 is not a date (YYYY-MM-DD or days since 1970-01-01)',
      '"2024-02-29T00:00:00Z" is not a date (YYYY-MM-DD or days since 1970-01-01)'
    ])
  })

  it('duration: ISO-8601 PnDTnHnMn.nS or nanoseconds', () => {
    const { values, fieldErrors } = column('duration', ['"PT1H2M3.25S"', '"-P1DT0.000000001S"', '"P2W"', '1500', '"9223372036854775807"', '"PT"', '"P1Y"', '"PT1.0000000001S"'])
    expect(values).toEqual([3_723_250_000_000n, -86_400_000_000_001n, 1_209_600_000_000_000n, 1500n, 2n ** 63n - 1n, null, null, null])
    expect(fieldErrors).toHaveLength(3)
    expect(fieldErrors[0]).toContain('is not an ISO-8601 duration')
    expect(parseIsoDuration('P1D')).toBe(86_400_000_000_000n)
  })

  it('decimal: numbers and numeric strings kept exact, as written', () => {
    const { values, fieldErrors } = column('decimal', ['12345678901234567890.12', '"-0.10"', '1.5e3', '" +007.50 "', '0', '""', '"abc"', 'true'])
    expect(values).toEqual(['12345678901234567890.12', '-0.10', '1500', '7.50', '0', null, null, null])
    expect(fieldErrors).toEqual(['"abc" is not a decimal number', 'true is not a decimal number'])
  })
})

describe('jsonSpec: list<T> and map<string,T>', () => {
  it('list: a JSON array of values converted as T, null elements kept', () => {
    const { values, fieldErrors } = column('list<int64>', ['[1, 9223372036854775807, null, "-3"]', '[]', 'null', '[1, "x"]', '{"a":1}'])
    expect(values).toEqual([[1n, 2n ** 63n - 1n, null, -3n], [], null, null, null])
    expect(fieldErrors).toEqual(['[1]: "x" is not a number', 'an object is not an array'])
  })

  it('list of strings, decimals and nested containers as text', () => {
    expect(column('list<string>', ['["a\\"b", 1.50, {"x": [1]}]']).values).toEqual([['a"b', '1.50', '{"x":[1]}']])
    expect(column('list<decimal>', ['[0.1, "2.50"]']).values).toEqual([['0.1', '2.50']])
    expect(column('list<date>', ['["2024-01-01"]']).values).toEqual([[19723]])
  })

  it('map: a JSON object with string keys and values converted as T', () => {
    const { values, fieldErrors } = column('map<string,float64>', ['{"a": 1.5, "b\\n": null}', '{}', '{"a": "x"}', '[1]'])
    expect(values).toEqual([{ a: 1.5, 'b\n': null }, {}, null, null])
    expect(fieldErrors).toEqual(['"a": "x" is not a number', 'an array is not an object'])
  })

  it('accepts the new types in the spec and rejects unknown element types', () => {
    expect(jsonSpec({ a: 'list<timestamp>', b: 'map<string,decimal>' }).columns).toHaveLength(2)
    expect(() => jsonSpec({ a: 'list<list<int32>>' as ColumnType })).toThrow(/unknown type 'list<list<int32>>'/)
    expect(() => jsonSpec({ a: 'map<int32,int32>' as ColumnType })).toThrow(/unknown type/)
  })
})
