import { describe, expect, it } from 'vitest'
import { draftToFilter, emptyDraft, filterModes, isEmptyDraft, parseTime, type FilterDraft } from './filterDraft'

const draft = (partial: Partial<FilterDraft>): FilterDraft => ({ mode: 'contains', text: '', min: '', max: '', ...partial })

describe('filter modes per column type', () => {
  it('offers text, numeric, time, bool and null filters', () => {
    expect(filterModes('string').map((m) => m.value)).toEqual(['contains', 'equals', 'null', 'notNull'])
    expect(filterModes('int32').map((m) => m.value)).toEqual(['range', 'null', 'notNull'])
    expect(filterModes('timestamp').map((m) => m.value)).toEqual(['timeRange', 'null', 'notNull'])
    expect(filterModes('bool').map((m) => m.value)).toEqual(['any', 'true', 'false', 'null', 'notNull'])
    expect(filterModes('bytes').map((m) => m.value)).toEqual(['any', 'null', 'notNull'])
    expect(emptyDraft('float64').mode).toBe('range')
    expect(emptyDraft('bytes').mode).toBe('any')
  })

  it('knows a draft that filters nothing', () => {
    expect(isEmptyDraft(emptyDraft('string'))).toBe(true)
    expect(isEmptyDraft(emptyDraft('bool'))).toBe(true)
    expect(isEmptyDraft({ ...emptyDraft('int32'), min: '3' })).toBe(false)
    expect(isEmptyDraft({ ...emptyDraft('string'), mode: 'null' })).toBe(false)
    expect(draftToFilter('B', 'bool', emptyDraft('bool'))).toEqual({ filter: null })
  })
})

describe('new column types', () => {
  it('date, duration and decimal take ranges (dates as YYYY-MM-DD, durations in ns, decimals exact); lists and maps contains', () => {
    expect(filterModes('decimal').map((m) => m.value)).toEqual(['range', 'null', 'notNull'])
    expect(filterModes('map<string,int32>').map((m) => m.value)).toEqual(['contains', 'null', 'notNull'])
    expect(draftToFilter('D', 'date', draft({ mode: 'range', min: ' 2024-01-31 ' }))).toEqual({ filter: { column: 'D', kind: 'range', min: '2024-01-31' } })
    expect(draftToFilter('D', 'date', draft({ mode: 'range', min: '31/01/2024' }))).toEqual({ filter: null, error: 'use YYYY-MM-DD' })
    expect(draftToFilter('T', 'duration', draft({ mode: 'range', max: '1,000' }))).toEqual({ filter: { column: 'T', kind: 'range', max: '1000' } })
    expect(draftToFilter('X', 'decimal', draft({ mode: 'range', min: '12345678901234567890.12' }))).toEqual({
      filter: { column: 'X', kind: 'range', min: '12345678901234567890.12' }
    })
    expect(draftToFilter('L', 'list<string>', draft({ text: 'ab' }))).toEqual({ filter: { column: 'L', kind: 'contains', value: 'ab' } })
  })
})

describe('draftToFilter', () => {
  it('text: contains and equals, nothing while empty', () => {
    expect(draftToFilter('V', 'string', draft({ text: 'ab' }))).toEqual({ filter: { column: 'V', kind: 'contains', value: 'ab' } })
    expect(draftToFilter('V', 'string', draft({ mode: 'equals', text: 'x' }))).toEqual({ filter: { column: 'V', kind: 'equals', value: 'x' } })
    expect(draftToFilter('V', 'string', draft({}))).toEqual({ filter: null })
  })

  it('numbers: min and max, each optional', () => {
    expect(draftToFilter('N', 'int32', draft({ mode: 'range', min: '10' }))).toEqual({ filter: { column: 'N', kind: 'range', min: 10 } })
    expect(draftToFilter('N', 'float64', draft({ mode: 'range', min: '-1.5', max: '2e3' }))).toEqual({
      filter: { column: 'N', kind: 'range', min: -1.5, max: 2000 }
    })
    expect(draftToFilter('N', 'int32', draft({ mode: 'range' }))).toEqual({ filter: null })
  })

  it('int64 bounds stay exact decimal strings', () => {
    expect(draftToFilter('O', 'int64', draft({ mode: 'range', min: '9,007,199,254,740,993', max: '-007' }))).toEqual({
      filter: { column: 'O', kind: 'range', min: '9007199254740993', max: '-7' }
    })
  })

  it('reports what is not a number', () => {
    expect(draftToFilter('N', 'int32', draft({ mode: 'range', min: '1.5' }))).toEqual({ filter: null, error: 'not an integer' })
    expect(draftToFilter('N', 'float32', draft({ mode: 'range', max: 'abc' }))).toEqual({ filter: null, error: 'not a number' })
  })

  it('time: bounds in epoch ns; an upper bound includes all of what it names', () => {
    expect(draftToFilter('T', 'timestamp', draft({ mode: 'timeRange', min: '2026-11-25 14:03:07.123', max: '2026-11-25 14:03' }), 'utc')).toEqual({
      filter: { column: 'T', kind: 'timeRange', min: '1795615387123000000', max: '1795615439999999999' }
    })
    expect(draftToFilter('T', 'timestamp', draft({ mode: 'timeRange', min: 'yesterday' }))).toEqual({ filter: null, error: 'use YYYY-MM-DD HH:mm:ss.SSS' })
  })

  it('null, not null and booleans need no input', () => {
    expect(draftToFilter('B', 'bytes', draft({ mode: 'null' }))).toEqual({ filter: { column: 'B', kind: 'null' } })
    expect(draftToFilter('B', 'string', draft({ mode: 'notNull' }))).toEqual({ filter: { column: 'B', kind: 'notNull' } })
    expect(draftToFilter('F', 'bool', draft({ mode: 'false' }))).toEqual({ filter: { column: 'F', kind: 'equals', value: false } })
  })
})

describe('parseTime', () => {
  it('reads dates and times at any precision', () => {
    expect(parseTime('2026-11-25', 'utc')).toEqual({ startMs: Date.UTC(2026, 10, 25), spanMs: 86_400_000 })
    expect(parseTime('2026-11-25T14', 'utc')).toEqual({ startMs: Date.UTC(2026, 10, 25, 14), spanMs: 3_600_000 })
    expect(parseTime('2026-11-25 14:03:07.1', 'utc')).toEqual({ startMs: Date.UTC(2026, 10, 25, 14, 3, 7, 100), spanMs: 1 })
  })

  it('reads local time unless told Z', () => {
    expect(parseTime('2026-11-25 14:03')?.startMs).toBe(new Date(2026, 10, 25, 14, 3).getTime())
    expect(parseTime('2026-11-25 14:03Z')?.startMs).toBe(Date.UTC(2026, 10, 25, 14, 3))
  })

  it('refuses what is not a time', () => {
    expect(parseTime('25/11/2026')).toBeUndefined()
    expect(parseTime('2026-13-01')).toBeUndefined()
    expect(parseTime('2026-11-25 24:00')).toBeUndefined()
  })
})
