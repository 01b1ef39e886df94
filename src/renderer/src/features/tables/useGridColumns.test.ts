import { describe, expect, it } from 'vitest'
import { defaultWidth, useGridColumns } from './useGridColumns'

describe('defaultWidth', () => {
  it('fits the type, or the header when that is wider, up to a limit', () => {
    expect(defaultWidth({ name: 'n', type: 'int32' })).toBe(110)
    expect(defaultWidth({ name: 'KafkaPartition', type: 'int32' })).toBeGreaterThan(150)
    expect(defaultWidth({ name: 'x'.repeat(200), type: 'string' })).toBe(320)
  })
})

describe('useGridColumns view state', () => {
  const columns = [
    { name: 'Key', type: 'string' as const },
    { name: 'Value', type: 'int32' as const }
  ]

  it('starts from a saved view, dropping what refers to columns it does not have', () => {
    const grid = useGridColumns(columns, {
      sort: [
        { column: 'Value', desc: true },
        { column: 'Gone', desc: false }
      ],
      filters: [
        { column: 'Key', mode: 'contains', text: 'k3', min: '', max: '' },
        { column: 'Gone', mode: 'null', text: '', min: '', max: '' }
      ],
      widths: { Key: 333, Gone: 50 },
      hidden: []
    })
    expect(grid.sorting.value).toEqual([{ id: 'Value', desc: true }])
    expect(Object.keys(grid.drafts.value)).toEqual(['Key'])
    expect(grid.headers.value.find((h) => h.column.id === 'Key')?.getSize()).toBe(333)
    expect(grid.viewState.value).toEqual({
      sort: [{ column: 'Value', desc: true }],
      filters: [{ column: 'Key', mode: 'contains', text: 'k3', min: '', max: '' }],
      widths: { Key: 333 }
    })
  })

  it('reports changes as view state', () => {
    const grid = useGridColumns(columns)
    grid.setDraft('Value', { mode: 'range', text: '', min: '1', max: '9' })
    grid.sorting.value = [{ id: 'Key', desc: false }]
    expect(grid.viewState.value.filters).toEqual([{ column: 'Value', mode: 'range', text: '', min: '1', max: '9' }])
    expect(grid.viewState.value.sort).toEqual([{ column: 'Key', desc: false }])
  })
})
