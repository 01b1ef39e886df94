import { describe, expect, it } from 'vitest'
import { columnForField, parseSample } from './jsonSample'

describe('the JSON sample picker', () => {
  it('lists the fields depth first with guessed types and pointers', () => {
    const result = parseSample('{"sym":"AAPL","px":189.5,"qty":12,"ok":true,"ts":"2026-11-25T10:00:00Z","info":{"a/b":"x"},"tags":[1]}')
    expect(result.ok && result.fields.map((f) => [f.pointer, f.type, f.depth])).toEqual([
      ['/sym', 'string', 0],
      ['/px', 'float64', 0],
      ['/qty', 'int64', 0],
      ['/ok', 'bool', 0],
      ['/ts', 'timestamp', 0],
      ['/info', null, 0],
      ['/info/a~1b', 'string', 1],
      ['/tags', 'string', 0]
    ])
  })

  it('says why a sample cannot be used', () => {
    expect(parseSample('')).toEqual({ ok: false, error: 'Paste a record (JSON) or fetch one from the topic' })
    expect(parseSample('[1]')).toEqual({ ok: false, error: 'The sample is not a JSON object' })
    expect(parseSample('{"a":')).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON/) })
  })

  it('adds a column named after the field, unique, once per pointer', () => {
    const fields = parseSample('{"info":{"a/b":1},"info_a/b":2}')
    if (!fields.ok) throw new Error(fields.error)
    const first = columnForField(fields.fields[1]!, [])
    expect(first).toEqual({ name: 'info_a/b', type: 'int64', pointer: '/info/a~1b' })
    expect(columnForField(fields.fields[1]!, [first!])).toBeNull()
    expect(columnForField(fields.fields[2]!, [first!])).toEqual({ name: 'info_a/b2', type: 'int64', pointer: '/info_a~1b' })
  })
})
