import { describe, expect, it } from 'vitest'
import { ColumnDefSchema, ColumnTypeSchema, columnShape, isColumnType } from './columns'
import { ViewportDataSchema } from './views'

describe('column types', () => {
  it('are the scalar types, list<T> and map<string,T> with T scalar', () => {
    for (const type of ['decimal', 'date', 'duration', 'list<int32>', 'list<decimal>', 'map<string,float64>', 'map<string,string>']) {
      expect(ColumnTypeSchema.parse(type)).toBe(type)
    }
    for (const bad of ['list<list<int32>>', 'map<int32,string>', 'decimal(10,2)', 'list<>', 'List<int32>', 'map<string, int32>', 1, null]) {
      expect(isColumnType(bad)).toBe(false)
      expect(ColumnTypeSchema.safeParse(bad).success).toBe(false)
    }
    expect(ColumnDefSchema.parse({ name: 'x', type: 'list<bool>' })).toEqual({ name: 'x', type: 'list<bool>' })
  })

  it('have a shape', () => {
    expect(columnShape('int64')).toEqual({ kind: 'scalar', element: 'int64' })
    expect(columnShape('list<date>')).toEqual({ kind: 'list', element: 'date' })
    expect(columnShape('map<string,bytes>')).toEqual({ kind: 'map', element: 'bytes' })
    expect(columnShape('map<string,list<int32>>')).toBeNull()
  })

  it('viewport data carries list and map cells', () => {
    const data = {
      viewId: 'v',
      version: 1,
      rowCount: 1,
      first: 0,
      rowKeys: [0],
      columns: [
        { name: 'l', type: 'list<int64>', values: [['1', null]] },
        { name: 'm', type: 'map<string,string>', values: [{ a: 'x', b: null }] },
        { name: 'd', type: 'date', values: ['2024-02-29'] }
      ]
    }
    expect(ViewportDataSchema.parse(data)).toEqual(data)
    expect(ViewportDataSchema.safeParse({ ...data, columns: [{ name: 'l', type: 'list<int64>', values: [[undefined]] }] }).success).toBe(false)
  })
})
