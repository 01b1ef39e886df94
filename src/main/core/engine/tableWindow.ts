/** Which rows of the log a table shows, and how a flush moves that window. */

export type TableTypeSpec = { kind: 'append' } | { kind: 'blink' } | { kind: 'ring'; capacity: number }

/** The visible window after a flush: arrival indexes [start, end), and the update that leads there. */
export interface WindowStep {
  start: number
  end: number
  removed: number
  added: number
}

export function checkTableType(spec: TableTypeSpec): void {
  switch (spec?.kind) {
    case 'append':
    case 'blink':
      return
    case 'ring':
      if (!Number.isSafeInteger(spec.capacity) || spec.capacity < 1) {
        throw new RangeError(`ring capacity must be a positive integer, got ${String(spec.capacity)}`)
      }
      return
    default:
      throw new TypeError(`unknown table type ${JSON.stringify(spec)}`)
  }
}

/**
 * The window after flushing: [start, end) is visible now, rows [end, committed) are pending.
 * Null when there is nothing to emit.
 */
export function nextWindow(spec: TableTypeSpec, start: number, end: number, committed: number): WindowStep | null {
  const pending = committed - end
  switch (spec.kind) {
    case 'append':
      return pending === 0 ? null : { start, end: committed, removed: 0, added: pending }
    case 'blink':
      // A cycle's rows replace the previous cycle's; an empty cycle removes them, and a second one emits nothing.
      return pending === 0 && end === start ? null : { start: end, end: committed, removed: end - start, added: pending }
    case 'ring': {
      if (pending === 0) return null
      const newStart = Math.max(start, committed - spec.capacity)
      // Rows of the old window before newStart leave; rows of the new window past the old end arrive (when a cycle
      // brings more than the capacity, its first rows are never visible).
      return { start: newStart, end: committed, removed: Math.min(newStart, end) - start, added: committed - Math.max(newStart, end) }
    }
  }
}
