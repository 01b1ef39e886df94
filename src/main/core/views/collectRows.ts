import type { LiveTable } from '../engine/liveTable'
import type { ChunkFilter } from './chunkFilters'
import { CHUNK_SIZE, chunkIndexOf } from './chunkRuns'

/** Scratch pass/fail flags for one chunk; views run synchronously, one operation at a time. */
const mask = new Uint8Array(CHUNK_SIZE)

/** The rows of arrival indexes [from, to) that pass every filter, as ascending offsets from `base`. */
export interface CollectedRows {
  /** rows[0..count); the array can be longer (callers may keep it as spare capacity). */
  rows: Uint32Array
  count: number
}

/**
 * Scans arrival indexes [from, to) (which must be visible rows of the table) a chunk at a time: every filter clears
 * the rows it rejects in a per-chunk mask, cheapest filter first, and the rows left are gathered. Requires
 * to - 1 - base < 2^32 and from >= base.
 */
export function collectRows(table: LiveTable, filters: readonly ChunkFilter[], from: number, to: number, base: number): CollectedRows {
  const n = Math.max(0, to - from)
  const rows = new Uint32Array(n)
  if (filters.length === 0) {
    const first = from - base
    for (let i = 0; i < n; i++) rows[i] = first + i
    return { rows, count: n }
  }
  const ordered = [...filters].sort((a, b) => a.cost - b.cost)
  const readers = ordered.map((f) => table.columnReader(f.column))
  const firstHeld = chunkIndexOf(table.firstRowKey)
  for (const f of ordered) f.releaseBefore(firstHeld)
  let count = 0
  for (let c = chunkIndexOf(from); c * CHUNK_SIZE < to; c++) {
    const chunkStart = c * CHUNK_SIZE
    const s = Math.max(from, chunkStart) - chunkStart
    const e = Math.min(to, chunkStart + CHUNK_SIZE) - chunkStart
    mask.fill(1, s, e)
    for (let k = 0; k < ordered.length; k++) {
      const data = readers[k].chunkData(c)
      if (data === null) throw new Error(`collectRows: chunk ${c} of column ${ordered[k].column} is not held`)
      ordered[k].apply(data, c, s, e, mask)
    }
    const rel = chunkStart - base
    for (let o = s; o < e; o++) {
      if (mask[o] !== 0) rows[count++] = rel + o
    }
  }
  return { rows, count }
}
