import type { RowRange } from './viewportRequester'

export interface CellPos {
  readonly row: number
  readonly col: number
}

/**
 * A rectangular selection from `anchor` to `focus` (the active cell). 'rows' selects whole rows: a click
 * on a row number, or a shift-click extending one.
 */
export interface GridSelection {
  readonly anchor: CellPos
  readonly focus: CellPos
  readonly mode: 'cells' | 'rows'
}

export interface SelectionBounds {
  readonly rows: RowRange
  readonly cols: RowRange
}

export function selectCell(pos: CellPos): GridSelection {
  return { anchor: pos, focus: pos, mode: 'cells' }
}

export function selectRow(row: number, col = 0): GridSelection {
  const pos = { row, col }
  return { anchor: pos, focus: pos, mode: 'rows' }
}

/** Shift-click or shift-arrow: same anchor, new focus. */
export function extendTo(selection: GridSelection, pos: CellPos): GridSelection {
  return { ...selection, focus: pos }
}

export function selectionBounds(selection: GridSelection, columnCount: number): SelectionBounds {
  const { anchor, focus } = selection
  const rows = { first: Math.min(anchor.row, focus.row), last: Math.max(anchor.row, focus.row) + 1 }
  const cols =
    selection.mode === 'rows'
      ? { first: 0, last: columnCount }
      : { first: Math.min(anchor.col, focus.col), last: Math.max(anchor.col, focus.col) + 1 }
  return { rows, cols }
}

export function isSingleCell(selection: GridSelection): boolean {
  return selection.mode === 'cells' && selection.anchor.row === selection.focus.row && selection.anchor.col === selection.focus.col
}

export function containsRow(bounds: SelectionBounds, row: number): boolean {
  return row >= bounds.rows.first && row < bounds.rows.last
}

export function containsCell(bounds: SelectionBounds, row: number, col: number): boolean {
  return containsRow(bounds, row) && col >= bounds.cols.first && col < bounds.cols.last
}

/** Arrow keys, page keys: move the focus (and with `extend` keep the anchor), staying inside the table. */
export function moveFocus(
  selection: GridSelection,
  delta: { rows: number; cols: number },
  size: { rows: number; cols: number },
  extend: boolean
): GridSelection {
  const row = clamp(selection.focus.row + delta.rows, 0, size.rows - 1)
  const col = clamp(selection.focus.col + delta.cols, 0, size.cols - 1)
  const focus = { row, col }
  if (extend) return { ...selection, focus }
  return selection.mode === 'rows' && delta.cols === 0 ? selectRow(row, col) : selectCell(focus)
}

/** The table shrank (filter, blink): keep the selection inside it, or drop it. */
export function clampSelection(selection: GridSelection | null, rowCount: number): GridSelection | null {
  if (!selection || rowCount <= 0) return null
  const fit = (p: CellPos): CellPos => (p.row < rowCount ? p : { row: rowCount - 1, col: p.col })
  const anchor = fit(selection.anchor)
  const focus = fit(selection.focus)
  return anchor === selection.anchor && focus === selection.focus ? selection : { ...selection, anchor, focus }
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}
