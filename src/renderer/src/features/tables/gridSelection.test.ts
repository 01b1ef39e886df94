import { describe, expect, it } from 'vitest'
import { clampSelection, containsCell, extendTo, isSingleCell, moveFocus, selectCell, selectRow, selectionBounds } from './gridSelection'

describe('grid selection', () => {
  it('a click selects one cell', () => {
    const s = selectCell({ row: 5, col: 2 })
    expect(isSingleCell(s)).toBe(true)
    expect(selectionBounds(s, 4)).toEqual({ rows: { first: 5, last: 6 }, cols: { first: 2, last: 3 } })
  })

  it('shift-click extends to a rectangle, whichever way', () => {
    const s = extendTo(selectCell({ row: 5, col: 2 }), { row: 3, col: 0 })
    expect(isSingleCell(s)).toBe(false)
    const b = selectionBounds(s, 4)
    expect(b).toEqual({ rows: { first: 3, last: 6 }, cols: { first: 0, last: 3 } })
    expect(containsCell(b, 4, 1)).toBe(true)
    expect(containsCell(b, 4, 3)).toBe(false)
  })

  it('row selections span every column', () => {
    const s = extendTo(selectRow(10), { row: 12, col: 0 })
    expect(selectionBounds(s, 4)).toEqual({ rows: { first: 10, last: 13 }, cols: { first: 0, last: 4 } })
  })

  it('arrow keys move the focus inside the table, shift extends', () => {
    const size = { rows: 100, cols: 3 }
    const s = selectCell({ row: 0, col: 0 })
    expect(moveFocus(s, { rows: -1, cols: 0 }, size, false)).toEqual(selectCell({ row: 0, col: 0 }))
    expect(moveFocus(s, { rows: 500, cols: 9 }, size, false)).toEqual(selectCell({ row: 99, col: 2 }))
    const extended = moveFocus(s, { rows: 2, cols: 1 }, size, true)
    expect(extended.anchor).toEqual({ row: 0, col: 0 })
    expect(extended.focus).toEqual({ row: 2, col: 1 })
    expect(moveFocus(selectRow(3), { rows: 1, cols: 0 }, size, false)).toEqual(selectRow(4))
  })

  it('follows a shrinking table', () => {
    const s = extendTo(selectCell({ row: 2, col: 0 }), { row: 50, col: 1 })
    expect(clampSelection(s, 10)?.focus).toEqual({ row: 9, col: 1 })
    expect(clampSelection(s, 100)).toBe(s)
    expect(clampSelection(s, 0)).toBeNull()
  })
})
