import { CHUNK_MASK, CHUNK_SIZE, chunkIndexOf } from '../engine/chunkLayout'

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
