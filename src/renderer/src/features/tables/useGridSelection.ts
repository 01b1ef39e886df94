import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import type { ColumnDef } from '../../../../shared/model/columns'
import { errorMessage } from '../../../../shared/ipc/errors'
import { fieldsFromModel, fieldsFromPieces } from './copyRows'
import {
  clampSelection,
  extendTo,
  isSingleCell,
  moveFocus,
  selectCell,
  selectRow,
  selectionBounds,
  type GridSelection
} from './gridSelection'
import { buildTsv } from './tsv'
import type { GridScroll } from './useGridScroll'
import type { TableViewport } from './useTableViewport'
import { MAX_VIEWPORT_ROWS } from './viewportRequester'

/** A copy reads at most this many rows (a selection can span millions). */
export const MAX_COPY_ROWS = 100_000
const NOTICE_MS = 5000

export interface UseGridSelectionOptions {
  viewport: TableViewport
  scroll: GridScroll
  columns: readonly ColumnDef[]
  writeText?: (text: string) => Promise<void>
}

/** Cell and row selection (click, shift-click, keys) and copying it as TSV (Ctrl+C; Ctrl+Shift+C adds the header). */
export function useGridSelection(options: UseGridSelectionOptions) {
  const { viewport, scroll, columns } = options
  const writeText = options.writeText ?? ((text: string) => navigator.clipboard.writeText(text))
  const selection = shallowRef<GridSelection | null>(null)
  const bounds = computed(() => (selection.value ? selectionBounds(selection.value, columns.length) : null))
  /** A short message for the status line: "Copied 3 rows", or why a copy failed; it fades after a few seconds. */
  const notice = shallowRef<string | null>(null)
  let noticeTimer: ReturnType<typeof setTimeout> | null = null
  function say(text: string | null): void {
    if (noticeTimer) clearTimeout(noticeTimer)
    notice.value = text
    noticeTimer = text ? setTimeout(() => (notice.value = null), NOTICE_MS) : null
  }
  onScopeDispose(() => noticeTimer && clearTimeout(noticeTimer))

  watch(viewport.rowCount, (count) => (selection.value = clampSelection(selection.value, count)))

  function clickCell(row: number, col: number, event: MouseEvent): void {
    const pos = { row, col }
    selection.value = event.shiftKey && selection.value ? extendTo(selection.value, pos) : selectCell(pos)
  }

  function clickRowNumber(row: number, event: MouseEvent): void {
    const current = selection.value
    selection.value = event.shiftKey && current ? { ...extendTo(current, { row, col: current.focus.col }), mode: 'rows' } : selectRow(row)
  }

  function move(rows: number, cols: number, extend: boolean): void {
    const count = viewport.rowCount.value
    if (count === 0) return
    const start = selection.value ?? selectCell({ row: scroll.visible.value.first, col: 0 })
    const next = moveFocus(start, { rows, cols }, { rows: count, cols: columns.length }, extend)
    selection.value = next
    scroll.reveal(next.focus.row)
  }

  /** Ctrl+Home / Ctrl+End: first or last row (with no selection, just scroll there). */
  function jump(toEnd: boolean, extend: boolean): void {
    if (!selection.value) return toEnd ? scroll.toEnd() : scroll.toStart()
    const count = viewport.rowCount.value
    move(toEnd ? count : -count, 0, extend)
  }

  function handleKey(event: KeyboardEvent): boolean {
    const extend = event.shiftKey
    const mod = event.ctrlKey || event.metaKey
    const page = scroll.pageRows.value
    switch (event.key) {
      case 'ArrowDown': move(1, 0, extend); return true
      case 'ArrowUp': move(-1, 0, extend); return true
      case 'ArrowRight': move(0, 1, extend); return true
      case 'ArrowLeft': move(0, -1, extend); return true
      case 'PageDown': move(page, 0, extend); return true
      case 'PageUp': move(-page, 0, extend); return true
      case 'Home':
        if (mod) jump(false, extend)
        else move(0, -columns.length, extend)
        return true
      case 'End':
        if (mod) jump(true, extend)
        else move(0, columns.length, extend)
        return true
      case 'Escape':
        selection.value = null
        return true
      case 'c':
      case 'C':
        if (!mod) return false
        void copy(extend)
        return true
      case 'a':
      case 'A': {
        const count = viewport.rowCount.value
        if (!mod || count === 0) return false
        selection.value = { anchor: { row: 0, col: 0 }, focus: { row: count - 1, col: 0 }, mode: 'rows' }
        return true
      }
      default:
        return false
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null
    if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) return
    if (handleKey(event)) event.preventDefault()
  }

  /** Copies the selection as TSV; rows the grid does not hold are read from the engine first. */
  async function copy(withHeader: boolean): Promise<void> {
    const current = selection.value
    const b = bounds.value
    if (!current || !b) return
    const last = Math.min(b.rows.last, b.rows.first + MAX_COPY_ROWS)
    const rows = { first: b.rows.first, last }
    const picked = columns.slice(b.cols.first, b.cols.last)
    say(last - rows.first > MAX_VIEWPORT_ROWS ? 'Copying…' : null)
    try {
      const fields = viewport.model.hasRange(rows.first, rows.last)
        ? fieldsFromModel(viewport.model, rows, b.cols)
        : fieldsFromPieces(await viewport.readRows(rows.first, rows.last), picked)
      const header = withHeader ? picked.map((c) => c.name) : undefined
      await writeText(buildTsv(fields, header))
      const n = fields.length
      const what = isSingleCell(current) && !withHeader ? 'Copied 1 cell' : `Copied ${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`
      say(b.rows.last > last ? `${what} (the first ${MAX_COPY_ROWS.toLocaleString('en-US')} of the selection)` : what)
    } catch (e) {
      say(`Copy failed: ${errorMessage(e)}`)
    }
  }

  return { selection, bounds, notice, clickCell, clickRowNumber, onKeydown, copy, clear: () => (selection.value = null) }
}

export type GridSelectionState = ReturnType<typeof useGridSelection>
