import { describe, expect, it } from 'vitest'
import { jsonSpec } from '../../api/keyValueSpec'
import type { ColumnType } from '../../types'
import { createJsonDecoder } from './jsonDecoder'
import { arrayIndexOf, pathOfKey, pointerOf } from './jsonPointer'
import { planJsonColumns } from './jsonSpecCheck'

describe('jsonSpec', () => {
  it('takes columns as an object, [name, type] pairs or { name, type } objects, in order', () => {
    const expected = { kind: 'json', columns: [{ name: 'Sym', type: 'string' }, { name: 'Px', type: 'float64' }], mapping: {} }
    expect(jsonSpec({ Sym: 'string', Px: 'float64' })).toEqual(expected)
    expect(jsonSpec([['Sym', 'string'], ['Px', 'float64']])).toEqual(expected)
    expect(jsonSpec([{ name: 'Sym', type: 'string' }, { name: 'Px', type: 'float64' }])).toEqual(expected)
  })

  it('keeps the mapping and freezes the spec', () => {
    const spec = jsonSpec({ A: 'int32' }, { '/x/y': 'A' })
    expect(spec.mapping).toEqual({ '/x/y': 'A' })
    expect(Object.isFrozen(spec) && Object.isFrozen(spec.columns) && Object.isFrozen(spec.columns[0]) && Object.isFrozen(spec.mapping)).toBe(true)
  })

  it('rejects bad columns, naming them', () => {
    expect(() => jsonSpec({})).toThrow("jsonSpec: columns is empty; give at least one column")
    expect(() => jsonSpec([])).toThrow('jsonSpec: columns is empty')
    expect(() => jsonSpec({ A: 'long' as ColumnType })).toThrow("jsonSpec: column 'A' has unknown type 'long'; expected one of string, int16, int32, int64, float32, float64, bool, bytes, timestamp")
    expect(() => jsonSpec([['A', 'int32'], ['A', 'string']])).toThrow("jsonSpec: column 'A' is given twice")
    expect(() => jsonSpec([['', 'int32']])).toThrow("jsonSpec: column names must be non-empty strings, got ''")
    expect(() => jsonSpec([['A']] as unknown as [string, ColumnType][])).toThrow('jsonSpec: columns[0] must be a [name, type] pair or { name, type }, got an array')
    expect(() => jsonSpec('A' as unknown as Record<string, ColumnType>)).toThrow("jsonSpec: columns must be an object { Name: 'type' } or a list of [name, type] pairs, got 'A'")
  })

  it('rejects mappings to unknown columns (naming the column, unlike Deephaven), doubly mapped columns and bad pointers', () => {
    expect(() => jsonSpec({ A: 'int32', B: 'int32' }, { x: 'C' })).toThrow("jsonSpec: mapping 'x' → 'C': there is no column 'C' (columns: A, B)")
    expect(() => jsonSpec({ A: 'int32' }, { x: 'A', y: 'A' })).toThrow("jsonSpec: column 'A' is mapped from both 'x' and 'y'")
    expect(() => jsonSpec({ A: 'int32' }, { '/a~2': 'A' })).toThrow("jsonSpec: mapping '/a~2' → 'A': JSON Pointer '/a~2': '~' must be followed by 0 (for '~') or 1 (for '/')")
    expect(() => jsonSpec({ A: 'int32' }, { '/a~': 'A' })).toThrow(/must be followed by 0/)
    expect(() => jsonSpec({ A: 'int32' }, { '': 'A' })).toThrow("jsonSpec: mapping key '' is neither a field name nor a JSON Pointer (use '/' for the field named '')")
    expect(() => jsonSpec({ A: 'int32' }, { x: 1 } as unknown as Record<string, string>)).toThrow("jsonSpec: mapping 'x' must name a column, got number")
    expect(() => jsonSpec({ A: 'int32' }, ['A'] as unknown as Record<string, string>)).toThrow("jsonSpec: mapping must be an object { 'field or /pointer': 'Column' }, got an array")
  })

  it('createJsonDecoder checks specs built without the factory the same way', () => {
    expect(() => createJsonDecoder({ kind: 'json', columns: [{ name: 'A', type: 'int32' }], mapping: { x: 'B' } })).toThrow("jsonSpec: mapping 'x' → 'B': there is no column 'B' (columns: A)")
  })

  it('plans each column with the path it reads', () => {
    const plans = planJsonColumns(
      [
        { name: 'A', type: 'int32' },
        { name: 'B', type: 'string' },
        { name: 'c/d', type: 'bool' }
      ],
      { '/p/q~1r': 'A', 'a~b': 'B' }
    )
    expect(plans.map((p) => [p.path, p.pointer])).toEqual([
      [['p', 'q/r'], '/p/q~1r'],
      [['a~b'], '/a~0b'],
      [['c/d'], '/c~1d']
    ])
  })
})

describe('JSON Pointers', () => {
  it('split, unescape (~1 before ~0) and print back', () => {
    expect(pathOfKey('/a/b')).toEqual(['a', 'b'])
    expect(pathOfKey('/')).toEqual([''])
    expect(pathOfKey('//x')).toEqual(['', 'x'])
    expect(pathOfKey('/~01')).toEqual(['~1'])
    expect(pathOfKey('plain/name')).toEqual(['plain/name'])
    expect(pointerOf(['~1', 'a/b'])).toBe('/~01/a~1b')
  })

  it('recognise array indexes as RFC 6901 does', () => {
    expect(['0', '7', '10', '01', '-1', '-', '1.0', ''].map(arrayIndexOf)).toEqual([0, 7, 10, -1, -1, -1, -1, -1])
  })
})
