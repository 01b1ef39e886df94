import { describe, expect, it } from 'vitest'
import type { ViewportDataDto } from '../../../../shared/model/views'
import { GridModel, LOADING } from './gridModel'

const columns = [
  { name: 'KafkaOffset', type: 'int64' as const },
  { name: 'Value', type: 'string' as const }
]

function viewport(partial: Partial<ViewportDataDto> & { first: number; n: number }): ViewportDataDto {
  const keys = Array.from({ length: partial.n }, (_, i) => partial.first + i)
  return {
    viewId: 'v',
    version: partial.version ?? 1,
    rowCount: partial.rowCount ?? 100,
    first: partial.first,
    rowKeys: keys,
    columns: partial.columns ?? [
      { name: 'KafkaOffset', type: 'int64', values: keys.map(String) },
      { name: 'Value', type: 'string', values: keys.map((k) => (k % 2 ? null : `v${k}`)) }
    ]
  }
}

describe('GridModel', () => {
  it('returns placeholders before any data', () => {
    const model = new GridModel(columns)
    expect(model.rowCount).toBe(0)
    expect(model.cell(0, 0)).toBe(LOADING)
  })

  it('serves the cells of the viewport it holds', () => {
    const model = new GridModel(columns)
    expect(model.apply(viewport({ first: 10, n: 5 }))).toBe(true)
    expect(model.rowCount).toBe(100)
    expect(model.cell(10, 0)).toBe('10')
    expect(model.cell(12, 1)).toBe('v12')
    expect(model.cell(11, 1)).toBeNull()
    expect(model.cell(9, 0)).toBe(LOADING)
    expect(model.cell(15, 0)).toBe(LOADING)
    expect(model.rowKey(14)).toBe(14)
    expect(model.hasRange(10, 15)).toBe(true)
    expect(model.hasRange(10, 16)).toBe(false)
  })

  it('matches columns by name and leaves missing ones loading', () => {
    const model = new GridModel(columns)
    model.apply(viewport({ first: 0, n: 2, columns: [{ name: 'Value', type: 'string', values: ['a', 'b'] }] }))
    expect(model.cell(1, 1)).toBe('b')
    expect(model.cell(1, 0)).toBe(LOADING)
  })

  it('ignores data older than what it holds', () => {
    const model = new GridModel(columns)
    model.apply(viewport({ first: 0, n: 2, version: 5 }))
    expect(model.apply(viewport({ first: 50, n: 2, version: 4 }))).toBe(false)
    expect(model.cell(0, 0)).toBe('0')
    expect(model.apply(viewport({ first: 50, n: 2, version: 5 }))).toBe(true)
    expect(model.cell(50, 0)).toBe('50')
  })

  it('never serves rows past the row count', () => {
    const model = new GridModel(columns)
    model.apply(viewport({ first: 0, n: 10, rowCount: 10 }))
    model.setRowCount(3)
    expect(model.cell(5, 0)).toBe(LOADING)
    model.clearRows()
    expect(model.cell(0, 0)).toBe(LOADING)
  })

  it('says when its cells change without a new data version', () => {
    const model = new GridModel(columns)
    model.apply(viewport({ first: 0, n: 10, rowCount: 10 }))
    const before = model.revision
    model.apply(viewport({ first: 5, n: 10, rowCount: 10 }))
    expect(model.revision).toBe(before)
    model.setRowCount(3)
    expect(model.revision).toBe(before + 1)
    model.clearRows()
    expect(model.revision).toBe(before + 2)
  })
})
