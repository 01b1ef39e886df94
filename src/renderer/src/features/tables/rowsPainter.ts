import { containsCell, containsRow, type CellPos, type SelectionBounds } from './gridSelection'
import { formatCell, loadingCell, type CellKind } from './formatCell'
import { LOADING, type GridModel } from './gridModel'
import type { RowWindow } from './scrollMapping'
import { formatCount } from './statusText'

/** Everything the rows layer shows. */
export interface RowsFrame {
  readonly model: GridModel
  readonly rendered: RowWindow
  readonly bounds: SelectionBounds | null
  readonly focus: CellPos | null
  /** A selection of more than one cell: its cells are tinted (a single focused cell only gets the focus ring). */
  readonly multi: boolean
}

export function rowClassName(index: number, selected: boolean, loading: boolean): string {
  return `row${index % 2 === 1 ? ' odd' : ''}${selected ? ' selected' : ''}${loading ? ' loading' : ''}`
}

export function cellClassName(kind: CellKind, row: number, col: number, frame: Pick<RowsFrame, 'bounds' | 'focus' | 'multi'>): string {
  const { focus, bounds } = frame
  if (focus && focus.row === row && focus.col === col) return `cell ${kind} focus`
  return frame.multi && bounds && containsCell(bounds, row, col) ? `cell ${kind} in-selection` : `cell ${kind}`
}

interface CellElements {
  readonly el: HTMLElement
  readonly text: Text
  preview: HTMLElement | null
  className: string
}

interface RowElements {
  readonly el: HTMLElement
  readonly gutter: Text
  readonly cells: CellElements[]
  index: number
  className: string
}

/**
 * Draws the grid's rendered rows into one element without a virtual DOM: rows and cells are created once and
 * reused, and a repaint writes only the text and classes that changed. A jump to new rows is ~40 rows of text
 * changes; through Vue's diff it cost several times as much main-thread time (the answer waits on it). The model's
 * columns never change (the tab remounts the grid when the shown columns do).
 */
export class RowsPainter {
  private readonly rows: RowElements[] = []
  private offset = Number.NaN

  constructor(private readonly container: HTMLElement) {}

  paint(frame: RowsFrame): void {
    const { model, rendered } = frame
    const columns = model.columns
    if (rendered.offset !== this.offset) {
      this.offset = rendered.offset
      this.container.style.transform = `translateY(${rendered.offset}px)`
    }
    const count = Math.max(0, rendered.last - rendered.first)
    while (this.rows.length > count) this.rows.pop()!.el.remove()
    while (this.rows.length < count) this.rows.push(this.createRow(columns.length))

    for (let i = 0; i < count; i++) {
      const r = rendered.first + i
      const row = this.rows[i]
      const loading = !model.has(r)
      const className = rowClassName(r, frame.bounds !== null && containsRow(frame.bounds, r), loading)
      if (row.className !== className) row.el.className = row.className = className
      if (row.index !== r) {
        row.index = r
        row.el.dataset.row = String(r)
        row.gutter.data = formatCount(r + 1)
      }
      for (let c = 0; c < columns.length; c++) {
        const value = model.cell(r, c)
        const type = columns[c].type
        const shown = value === LOADING ? loadingCell(type) : formatCell(value, type)
        const cell = row.cells[c]
        const cellClass = cellClassName(shown.kind, r, c, frame)
        if (cell.className !== cellClass) cell.el.className = cell.className = cellClass
        if (cell.text.data !== shown.text) cell.text.data = shown.text
        this.setPreview(cell, shown.preview)
      }
    }
  }

  private createRow(columnCount: number): RowElements {
    const doc = this.container.ownerDocument
    const el = doc.createElement('div')
    el.setAttribute('role', 'row')
    const gutterEl = doc.createElement('div')
    gutterEl.className = 'gutter'
    gutterEl.setAttribute('role', 'rowheader')
    const gutter = doc.createTextNode('')
    gutterEl.append(gutter)
    el.append(gutterEl)
    const cells: CellElements[] = []
    for (let c = 0; c < columnCount; c++) {
      const cellEl = doc.createElement('div')
      cellEl.setAttribute('role', 'gridcell')
      cellEl.dataset.col = String(c)
      const text = doc.createTextNode('')
      cellEl.append(text)
      el.append(cellEl)
      cells.push({ el: cellEl, text, preview: null, className: '' })
    }
    this.container.append(el)
    return { el, gutter, cells, index: -1, className: '' }
  }

  private setPreview(cell: CellElements, preview: string | undefined): void {
    if (preview === undefined) {
      if (cell.preview) {
        cell.preview.remove()
        cell.preview = null
      }
      return
    }
    if (!cell.preview) {
      cell.preview = this.container.ownerDocument.createElement('span')
      cell.preview.className = 'preview'
      cell.el.append(cell.preview)
    }
    if (cell.preview.textContent !== preview) cell.preview.textContent = preview
  }
}
