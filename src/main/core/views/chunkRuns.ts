import { CHUNK_MASK, CHUNK_SIZE, chunkIndexOf } from '../engine/chunkLayout'
import type { ChunkData, ColumnReader } from '../engine/columnReader'

export { CHUNK_MASK, CHUNK_SIZE, chunkIndexOf }

/**
 * Rows are lists of offsets from a base arrival index (arrival index = base + offset), ascending. A run is the rows
 * that share a chunk: `runEnd(rows, i, n, base)` is the end of the run that starts at rows[i], so loops can fetch a
 * chunk's arrays once per run instead of once per row.
 */
export function runEnd(rows: Uint32Array, i: number, n: number, base: number): number {
  const limit = (chunkIndexOf(base + rows[i]) + 1) * CHUNK_SIZE - base
  let j = i + 1
  while (j < n && rows[j] < limit) j++
  return j
}

/**
 * Calls `visit(data, i, j, shift)` for each run rows[i..j) of rows[0..n), in order, with the arrays of the run's chunk:
 * row rows[p] is at offset rows[p] + shift in them. Throws when a chunk is not held (the message starts with `caller`).
 */
export function forEachRun(
  reader: ColumnReader,
  rows: Uint32Array,
  n: number,
  base: number,
  caller: string,
  visit: (data: ChunkData, i: number, j: number, shift: number) => void
): void {
  for (let i = 0; i < n; ) {
    const j = runEnd(rows, i, n, base)
    const c = chunkIndexOf(base + rows[i])
    const data = reader.chunkData(c)
    if (data === null) throw new Error(`${caller}: chunk ${c} is not held`)
    visit(data, i, j, base - c * CHUNK_SIZE)
    i = j
  }
}
