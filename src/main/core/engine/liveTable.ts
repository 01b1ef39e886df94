import { type ColumnDef, type TableUpdate, isColumnType } from '../types'
import type { ColumnReader } from './columnReader'
import type { ColumnStore, ColumnWriter } from './columnWriter'
import { createColumn } from './createColumn'
import { type TableTypeSpec, checkTableType, nextWindow } from './tableWindow'

export type { TableTypeSpec } from './tableWindow'
export type { ChunkData, ColumnReader } from './columnReader'

type UpdateListener = (u: TableUpdate) => void

/**
 * An append log of rows stored column by column, with a visible window over it (see README.md).
 *
 * Writing a row: `beginRow()`, at most one append per column through `writers[j]`, then `commitRow()` (columns not
 * written get null) or `abortRow()`. Committed rows become visible at the next `flush()`.
 */
export class LiveTable {
  readonly columns: readonly ColumnDef[]
  readonly writers: readonly ColumnWriter[]
  private readonly stores: ColumnStore[]
  private readonly tableType: TableTypeSpec
  /** Rows committed so far: the arrival index of the next row. */
  private committed = 0
  private rowOpen = false
  /** The visible window: arrival indexes [start, end). */
  private start = 0
  private end = 0
  private cycles = 0
  /** Replaced, never mutated, so that flush can iterate while listeners unsubscribe. */
  private listeners: readonly UpdateListener[] = []

  constructor(columns: ColumnDef[], tableType: TableTypeSpec) {
    checkTableType(tableType)
    const names = new Set<string>()
    for (const column of columns) {
      if (typeof column.name !== 'string') throw new TypeError(`column name must be a string, got ${String(column.name)}`)
      if (names.has(column.name)) throw new TypeError(`duplicate column name "${column.name}"`)
      if (!isColumnType(column.type)) throw new TypeError(`column "${column.name}": unknown type ${String(column.type)}`)
      names.add(column.name)
    }
    this.columns = Object.freeze(columns.map((c) => Object.freeze({ name: c.name, type: c.type })))
    this.tableType = tableType.kind === 'ring' ? Object.freeze({ kind: 'ring', capacity: tableType.capacity }) : Object.freeze({ kind: tableType.kind })
    this.stores = this.columns.map(createColumn)
    this.writers = Object.freeze(this.stores.slice())
  }

  /** Visible rows. */
  get size(): number {
    return this.end - this.start
  }

  /** Arrival index of visible row 0. */
  get firstRowKey(): number {
    return this.start
  }

  /** Rows committed since the last flush, not yet visible. */
  get pendingRows(): number {
    return this.committed - this.end
  }

  /** Updates emitted so far. */
  get cycle(): number {
    return this.cycles
  }

  /** Starts a row at the end of the log. */
  beginRow(): void {
    if (this.rowOpen) throw new Error('beginRow: a row is already open (commitRow or abortRow it first)')
    this.rowOpen = true
  }

  /** Ends the open row: columns not written get null, and the row is pending until the next flush. */
  commitRow(): void {
    if (!this.rowOpen) throw new Error('commitRow: no row is open (call beginRow first)')
    const row = this.committed
    const stores = this.stores
    for (let j = 0; j < stores.length; j++) {
      const store = stores[j]
      const length = store.length
      if (length === row + 1) continue
      if (length === row) {
        store.appendNull()
        continue
      }
      this.abortRow()
      throw new Error(`commitRow: column "${this.columns[j].name}" got ${length - row} values in one row; the row was discarded`)
    }
    this.committed = row + 1
    this.rowOpen = false
  }

  /** Discards the open row in every column (a no-op without one). */
  abortRow(): void {
    const row = this.committed
    for (const store of this.stores) store.truncate(row)
    this.rowOpen = false
  }

  /**
   * Makes pending rows visible, applies the table type, releases chunks wholly before the window, notifies the
   * listeners and returns the update; null (notifying nobody) when there is nothing to emit. An open row stays open.
   * If a listener throws, the others are still notified and the first error is rethrown afterwards.
   */
  flush(): TableUpdate | null {
    const step = nextWindow(this.tableType, this.start, this.end, this.committed)
    if (step === null) return null
    this.start = step.start
    this.end = step.end
    for (const store of this.stores) store.releaseBefore(step.start)
    const update: TableUpdate = {
      cycle: ++this.cycles,
      removed: step.removed,
      added: step.added,
      size: step.end - step.start,
      firstRowKey: step.start
    }
    let failed = false
    let failure: unknown
    for (const listener of this.listeners) {
      try {
        listener(update)
      } catch (error) {
        if (!failed) failure = error
        failed = true
      }
    }
    if (failed) throw failure
    return update
  }

  /** Calls listener with every update from now on; returns the unsubscribe function. */
  onUpdate(listener: UpdateListener): () => void {
    this.listeners = [...this.listeners, listener]
    return () => {
      const at = this.listeners.indexOf(listener)
      if (at >= 0) this.listeners = [...this.listeners.slice(0, at), ...this.listeners.slice(at + 1)]
    }
  }

  /** Visible rows [start, end) as objects keyed by column name; positions are clamped to [0, size]. */
  rows(start = 0, end = this.size): Record<string, unknown>[] {
    const from = this.clamp(start)
    const to = this.clamp(end)
    const out: Record<string, unknown>[] = []
    for (let position = from; position < to; position++) {
      const row: Record<string, unknown> = {}
      for (let j = 0; j < this.stores.length; j++) {
        const name = this.columns[j].name
        const value = this.stores[j].get(this.start + position)
        if (name === '__proto__') Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true })
        else row[name] = value
      }
      out.push(row)
    }
    return out
  }

  /** The value at a visible position; see README.md for the JS type per column type. Null for null. */
  getValue(column: number, position: number): unknown {
    return this.store(column).get(this.index(position))
  }

  isNull(column: number, position: number): boolean {
    return this.store(column).isNull(this.index(position))
  }

  /**
   * Read access to column `column`'s chunk arrays, for bulk scans such as sorting and filtering (see columnReader.ts:
   * the arrays are read-only and valid only until the next write). Visible rows are the arrival indexes
   * [firstRowKey, firstRowKey + size).
   */
  columnReader(column: number): ColumnReader {
    return this.store(column)
  }

  /** Bytes held by this table's typed arrays and buffers, plus an estimate for the strings of dictionaries. */
  memoryBytes(): number {
    let bytes = 0
    for (const store of this.stores) bytes += store.memoryBytes()
    return bytes
  }

  private clamp(position: number): number {
    const size = this.size
    if (!(position > 0)) return 0 // also NaN
    return position >= size ? size : Math.floor(position)
  }

  private store(column: number): ColumnStore {
    const store = Number.isInteger(column) ? this.stores[column] : undefined
    if (store === undefined) throw new RangeError(`column ${column} does not exist (the table has ${this.stores.length})`)
    return store
  }

  /** The arrival index of a visible position. */
  private index(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.size) {
      throw new RangeError(`position ${position} is outside the table's ${this.size} visible rows`)
    }
    return this.start + position
  }
}
