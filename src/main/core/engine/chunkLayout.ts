/** Rows per chunk: row `i` lives in chunk `floor(i / CHUNK_SIZE)` (the README's `i >>> 16`, without the 2^32 limit). */
export const CHUNK_BITS = 16
export const CHUNK_SIZE = 1 << CHUNK_BITS
/** `i & CHUNK_MASK` is a row's offset in its chunk (exact for every integer index below 2^53). */
export const CHUNK_MASK = CHUNK_SIZE - 1
/** Capacity, in rows, of a chunk's arrays when the chunk is created; they double up to CHUNK_SIZE. */
export const INITIAL_CHUNK_ROWS = 1024

/** The chunk holding arrival index `i`. Not `i >>> 16`: arrival indexes pass 2^32 in a long-running ring table. */
export function chunkIndexOf(i: number): number {
  return Math.floor(i / CHUNK_SIZE)
}
