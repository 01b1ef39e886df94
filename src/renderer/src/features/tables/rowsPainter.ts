import { containsCell, containsRow, type CellPos, type SelectionBounds } from './gridSelection'
import { cellKind, formatCell, formatCellText, kindOfType, type CellKind } from './formatCell'
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

/** A row element kept for later, not drawn (and not a `.row`). */
const SPARE_ROW = 'spare-row'

const PLAIN_CELL: Record<CellKind, string> = { num: 'cell num', text: 'cell text', time: 'cell time', bool: 'cell bool', bytes: 'cell bytes', null: 'cell null' }

export function cellClassName(kind: CellKind, row: number, col: number, frame: Pick<RowsFrame, 'bounds' | 'focus' | 'multi'>): string {
  const { focus, bounds } = frame
  if (focus && focus.row === row && focus.col === col) return `cell ${kind} focus`
  return frame.multi && bounds && containsCell(bounds, row, col) ? `cell ${kind} in-selection` : PLAIN_CELL[kind]
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
  /** What the last paint drew when all its rows were held: the same frame again has nothing to change. */
  private drawn: (RowsFrame & { dataVersion: number; revision: number }) | null = null

  constructor(private readonly container: HTMLElement) {}

  paint(frame: RowsFrame): void {
    const { model, rendered } = frame
    if (this.isDrawn(frame)) return
    const columns = model.columns
    if (rendered.offset !== this.offset) {
      this.offset = rendered.offset
      this.container.style.transform = `translateY(${rendered.offset}px)`
    }
    const count = Math.max(0, rendered.last - rendered.first)
    while (this.rows.length < count) this.rows.push(this.createRow(columns.length))
    // the row count moves by one with the scroll offset: rows past it are kept hidden for the next paint
    for (let i = count; i < this.rows.length && this.rows[i].className !== SPARE_ROW; i++) this.hide(this.rows[i])

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
        const loadingValue = value === LOADING
        // bytes cells carry a preview (one decode for both); others take their text alone, with no object per cell
        const bytes = !loadingValue && type === 'bytes' && value !== null ? formatCell(value, type) : null
        const text = bytes ? bytes.text : loadingValue ? '' : formatCellText(value, type)
        const cell = row.cells[c]
        const cellClass = cellClassName(loadingValue ? kindOfType(type) : cellKind(value, type), r, c, frame)
        if (cell.className !== cellClass) cell.el.className = cell.className = cellClass
        if (cell.text.data !== text) cell.text.data = text
        if (bytes || cell.preview) this.setPreview(cell, bytes?.preview)
      }
    }
    this.drawn = count > 0 && model.hasRange(rendered.first, Math.min(rendered.last, model.rowCount)) ? { ...frame, dataVersion: model.dataVersion, revision: model.revision } : null
  }

  private isDrawn(frame: RowsFrame): boolean {
    const d = this.drawn
    return (
      d !== null &&
      d.model === frame.model &&
      d.dataVersion === frame.model.dataVersion &&
      d.revision === frame.model.revision &&
      d.rendered.first === frame.rendered.first &&
      d.rendered.last === frame.rendered.last &&
      d.rendered.offset === frame.rendered.offset &&
      d.bounds === frame.bounds &&
      d.focus === frame.focus &&
      d.multi === frame.multi
    )
  }

  private hide(row: RowElements): void {
    row.el.className = row.className = SPARE_ROW
    row.el.removeAttribute('data-row')
    row.index = -1
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
