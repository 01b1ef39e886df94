import { describe, expect, it } from 'vitest'
import { cellClassName, rowClassName } from './rowsPainter'

describe('row and cell classes', () => {
  it('marks odd, selected and loading rows', () => {
    expect(rowClassName(0, false, false)).toBe('row')
    expect(rowClassName(3, true, true)).toBe('row odd selected loading')
  })

  it('rings the focused cell and tints the others of a multi-cell selection', () => {
    const bounds = { rows: { first: 2, last: 4 }, cols: { first: 0, last: 2 } }
    const focus = { row: 3, col: 1 }
    expect(cellClassName('num', 3, 1, { bounds, focus, multi: true })).toBe('cell num focus')
    expect(cellClassName('num', 2, 0, { bounds, focus, multi: true })).toBe('cell num in-selection')
    expect(cellClassName('text', 2, 0, { bounds, focus, multi: false })).toBe('cell text')
    expect(cellClassName('text', 9, 0, { bounds, focus, multi: true })).toBe('cell text')
  })
})
