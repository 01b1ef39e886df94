import type { LiveTable } from '../engine/liveTable'
import { cellValues } from './cellValues'
import { collectRows } from './collectRows'
import { radixOrder } from './radixSort'
import { rowComparator } from './rowComparator'
import { MAX_OFFSET, RowIndex } from './rowIndex'
import { sortWords } from './sortKeys'
import { hasPrefix, prefixIsExact, sortPrefix } from './sortPrefix'
import { type ViewPlan, planView } from './viewPlan'
import { validateViewSpec } from './viewSpecValidation'
import type { ViewChange, ViewSpec, ViewportData } from './viewTypes'

/** The most rows one viewport call returns (a grid shows a screenful plus padding). */
export const MAX_VIEWPORT_ROWS = 10_000

export interface TableViewOptions {
  /** The largest offset from the index's base before it rebases (default 2^32 - 1; tests lower it). */
  maxOffset?: number
}

type ChangeListener = (change: ViewChange) => void

/**
 * A LiveTable seen through a ViewSpec: filtered, sorted, projected rows, kept up to date as the table's window
 * moves (see README.md). Rows are an index of arrival indexes (RowIndex), never objects. A view with neither sort nor
 * filter stores no index: its rows are the table's window.
 *
 * Changes are applied in the table's update listener (so at most one ViewChange per table cycle); reads also catch
 * up first, so a view read by another listener of the same flush is already current.
 */
export class TableView {
  private specValue: ViewSpec
  private plan: ViewPlan
  private readonly index = new RowIndex()
  /** No sort and no filter: the view's rows are the table's window [syncedStart, syncedEnd). */
  private identity = true
  /** The table's window the view reflects: arrival indexes [syncedStart, syncedEnd). */
  private syncedStart = 0
  private syncedEnd = 0
  private versionValue = 0
  private notifiedVersion = 0
  private listeners: readonly ChangeListener[] = []
  private unsubscribe: (() => void) | null
  private readonly maxOffset: number

  constructor(
    readonly table: LiveTable,
    spec: ViewSpec,
    options: TableViewOptions = {}
  ) {
    this.maxOffset = options.maxOffset ?? MAX_OFFSET
    this.specValue = validateViewSpec(spec, table.columns)
    this.plan = planView(table.columns, this.specValue)
    this.recompute()
    this.unsubscribe = table.onUpdate(() => this.onTableUpdate())
  }

  /** A copy of the (normalized) spec. */
  get spec(): ViewSpec {
    return structuredClone(this.specValue)
  }

  /** Increases with every change of the view's rows or spec. */
  get version(): number {
    return this.versionValue
  }

  get rowCount(): number {
    if (this.unsubscribe === null) return 0
    this.sync()
    return this.identity ? this.syncedEnd - this.syncedStart : this.index.count
  }

  get disposed(): boolean {
    return this.unsubscribe === null
  }

  /**
   * Replaces the spec (validated first: a bad spec throws a ViewSpecError and leaves the view as it was). Re-sorts
   * and re-filters when sort or filters changed; notifies the listeners unless the spec is the same.
   */
  setSpec(spec: ViewSpec): void {
    this.checkLive()
    const next = validateViewSpec(spec, this.table.columns)
    const rowsChange = JSON.stringify([next.sort, next.filters]) !== JSON.stringify([this.specValue.sort, this.specValue.filters])
    if (!rowsChange && JSON.stringify(next.columns) === JSON.stringify(this.specValue.columns)) return
    this.specValue = next
    this.plan = planView(this.table.columns, next)
    if (rowsChange) this.recompute()
    else this.sync()
    this.versionValue++
    this.emit('spec')
  }

  /**
   * Rows first..last (inclusive, view positions, clamped to the view) of the given columns (default: the spec's
   * columns), as JSON-safe columns. Throws a RangeError for non-finite positions or more than MAX_VIEWPORT_ROWS rows,
   * and an Error for a column that is not among the view's columns.
   */
  viewport(first: number, last: number, columns?: readonly string[]): ViewportData {
    this.checkLive()
    if (!Number.isFinite(first) || !Number.isFinite(last)) throw new RangeError(`viewport(${first}, ${last}): positions must be finite numbers`)
    this.sync()
    const rowCount = this.rowCount
    const from = Math.min(Math.max(Math.floor(first), 0), rowCount)
    const to = Math.min(Math.floor(last) + 1, rowCount)
    const n = Math.max(0, to - from)
    if (n > MAX_VIEWPORT_ROWS) throw new RangeError(`viewport(${first}, ${last}): at most ${MAX_VIEWPORT_ROWS} rows per call, asked for ${n}`)
    const projection = columns === undefined ? this.plan.projection : this.resolveColumns(columns)
    const rowKeys = new Array<number>(n)
    if (this.identity) for (let r = 0; r < n; r++) rowKeys[r] = this.syncedStart + from + r
    else for (let r = 0; r < n; r++) rowKeys[r] = this.index.key(from + r)
    const defs = this.table.columns
    return {
      version: this.versionValue,
      rowCount,
      first: from,
      rowKeys,
      columns: projection.map((j) => ({ name: defs[j].name, type: defs[j].type, values: cellValues(this.table.columnReader(j), rowKeys) }))
    }
  }

  /** Calls listener with every change from now on; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    if (this.unsubscribe !== null) this.listeners = [...this.listeners, listener]
    return () => {
      const at = this.listeners.indexOf(listener)
      if (at >= 0) this.listeners = [...this.listeners.slice(0, at), ...this.listeners.slice(at + 1)]
    }
  }

  /** Stops following the table, drops the listeners and the index. Idempotent; later reads throw (rowCount is 0). */
  dispose(): void {
    if (this.unsubscribe === null) return
    this.unsubscribe()
    this.unsubscribe = null
    this.listeners = []
    this.index.clear(0)
  }

  private onTableUpdate(): void {
    if (this.unsubscribe === null) return // disposed by an earlier listener of the same flush
    this.sync()
    if (this.versionValue !== this.notifiedVersion) this.emit('rows')
  }

  private emit(reason: ViewChange['reason']): void {
    this.notifiedVersion = this.versionValue
    const change: ViewChange = { version: this.versionValue, rowCount: this.rowCount, reason }
    let failed = false
    let failure: unknown
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        if (!failed) failure = error
        failed = true
      }
    }
    if (failed) throw failure
  }

  /** Rebuilds the rows from the table's window: filter, then sort. */
  private recompute(): void {
    const start = this.table.firstRowKey
    const end = start + this.table.size
    this.syncedStart = start
    this.syncedEnd = end
    this.identity = this.plan.sort.length === 0 && this.plan.filters.length === 0
    if (this.identity) {
      this.index.clear(start)
      return
    }
    const { rows, count } = collectRows(this.table, this.plan.filters, start, end, start)
    if (this.plan.sort.length === 0) {
      // Keep spare room for appends, but not the whole scanned range when the filters kept few rows.
      this.index.replace(count * 2 < rows.length ? rows.slice(0, Math.max(count * 2, 1024)) : rows, count, start)
    } else {
      // No prefixes yet: the first merge adds them (withPrefixes), so a view that never updates does not pay for them.
      this.index.replace(this.sorted(rows, count, start, false).rows, count, start)
    }
  }

  /** rows[0..n) (ascending offsets from base) in sort order, with their prefixes if asked and the first key has them. */
  private sorted(rows: Uint32Array, n: number, base: number, withPrefix: boolean): { rows: Uint32Array; prefix: Float64Array | null } {
    const sort = this.plan.sort
    const order = radixOrder(sortWords(this.table, sort, rows, n, base), n)
    const out = new Uint32Array(n)
    for (let i = 0; i < n; i++) out[i] = rows[order[i]]
    if (!withPrefix || !hasPrefix(sort[0])) return { rows: out, prefix: null }
    const arrival = sortPrefix(this.table, sort[0], rows, n, base)
    const prefix = new Float64Array(n)
    for (let i = 0; i < n; i++) prefix[i] = arrival[order[i]]
    return { rows: out, prefix }
  }

  /**
   * Gives a sorted index whose first key has prefixes (sortPrefix.ts) its prefixes, before its first merge: the
   * prefixes of the window's rows [from, to) in arrival order, picked by the index's entries (all in that range).
   */
  private withPrefixes(from: number, to: number): boolean {
    const index = this.index
    if (!hasPrefix(this.plan.sort[0])) return false
    if (index.prefix !== null || index.count === 0) return true
    const n = to - from
    const first = from - index.base
    const rows = new Uint32Array(n)
    for (let i = 0; i < n; i++) rows[i] = first + i
    const arrival = sortPrefix(this.table, this.plan.sort[0], rows, n, index.base)
    const prefix = new Float64Array(index.data.length)
    const data = index.data
    for (let i = 0; i < index.count; i++) prefix[i] = arrival[data[i] - first]
    index.prefix = prefix
    return true
  }

  /**
   * Catches up with the table's window: drops the rows that left the front, then filters, sorts and merges the rows
   * that arrived. Bumps the version when the view's rows changed; returns whether they did.
   */
  private sync(): boolean {
    const start = this.table.firstRowKey
    const end = start + this.table.size
    if (start === this.syncedStart && end === this.syncedEnd) return false
    const index = this.index
    const sorted = this.plan.sort.length > 0
    let changed = this.identity
    if (!this.identity) {
      if (start > this.syncedStart && index.dropBelow(start, !sorted) > 0) changed = true
      if (index.count === 0) index.base = start // empty: restart offsets at the window, keeping the capacity
      const from = Math.max(this.syncedEnd, start)
      if (end > from) {
        if (end - 1 - index.base > this.maxOffset) index.rebase(start)
        if (end - 1 - index.base > this.maxOffset) throw new Error(`TableView: the table's window (${end - start} rows) does not fit offsets up to ${this.maxOffset}`)
        const { rows, count } = collectRows(this.table, this.plan.filters, from, end, index.base)
        if (count > 0) {
          if (!sorted) index.append(rows, count)
          else if (index.count === 0) index.replace(this.sorted(rows, count, index.base, false).rows, count, index.base)
          else {
            const batch = this.sorted(rows, count, index.base, this.withPrefixes(start, this.syncedEnd))
            index.merge(batch.rows, batch.prefix, count, rowComparator(this.table, this.plan.sort, index.base, start, end), prefixIsExact(this.plan.sort))
          }
          changed = true
        }
      }
    }
    this.syncedStart = start
    this.syncedEnd = end
    if (changed) this.versionValue++
    return changed
  }

  private resolveColumns(columns: readonly string[]): number[] {
    const defs = this.table.columns
    return columns.map((name) => {
      const j = this.plan.projection.find((k) => defs[k].name === name)
      if (j === undefined) throw new Error(`viewport: column "${String(name)}" is not among the view's columns (${this.plan.projection.map((k) => `"${defs[k].name}"`).join(', ')})`)
      return j
    })
  }

  private checkLive(): void {
    if (this.unsubscribe === null) throw new Error('TableView: the view is disposed')
  }
}
