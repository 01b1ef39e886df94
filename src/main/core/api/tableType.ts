import type { TableTypeSpec } from '../engine/liveTable'

export type TableType = TableTypeSpec

export const TableType = {
  /** Keeps every row. */
  append: (): TableType => ({ kind: 'append' }),
  /** Holds only the rows of the latest update cycle. */
  blink: (): TableType => ({ kind: 'blink' }),
  /** Holds the newest `capacity` rows in arrival order. */
  ring: (capacity: number): TableType => {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`TableType.ring(capacity): capacity must be a positive integer, got ${String(capacity)}`)
    }
    return { kind: 'ring', capacity }
  }
}
