import type { RowComparator } from './rowComparator'

/** The largest offset an index holds: offsets are Uint32, so a view rebases before a row would pass base + 2^32 - 1. */
export const MAX_OFFSET = 0xffffffff

/**
 * The rows of a view in view order, with no object per row: arrival index = base + data[position], data a growable
 * Uint32Array. Arrival indexes pass 2^32 in a long-running ring table; offsets from a base that follows the table's
 * first row stay small (the table's window is far below 2^32 rows), and rebase() moves the base when needed.
 */
export class RowIndex {
  data: Uint32Array = new Uint32Array(0)
  /**
   * Sorted views with a numeric first key, once they merged: prefix[position] (see sortPrefix.ts), kept in step with
   * data (same capacity); else null.
   */
  prefix: Float64Array | null = null
  count = 0
  base = 0

  /** The arrival index of the row at `position`. */
  key(position: number): number {
    return this.base + this.data[position]
  }

  /** Makes rows[0..count) (offsets from base, with their prefixes or null) the entries, adopting the arrays. */
  replace(rows: Uint32Array, count: number, base: number, prefix: Float64Array | null = null): void {
    this.data = rows
    this.prefix = prefix
    this.count = count
    this.base = base
  }

  clear(base: number): void {
    this.replace(new Uint32Array(0), 0, base, null)
  }

  /** Appends rows[0..m) after the entries (an index without prefixes: arrival order). */
  append(rows: Uint32Array, m: number): void {
    this.reserve(m)
    this.data.set(rows.subarray(0, m), this.count)
    this.count += m
  }

  /**
   * Merges rows[0..m) (with their prefixes when the index has them), sorted by `compare`, into the entries, also
   * sorted by it. Comparisons look at prefixes first and call `compare` only on a tie; with `exactPrefix` (the
   * prefix is the whole order but for infinities, see sortPrefix.ts) a finite tie is decided by arrival. A large batch is merged
   * linearly from the back; a small one places each row by a galloping search from the back (new rows often sort
   * last, e.g. by time), moving the entries after it once: O(m log n) comparisons and n moved entries at most.
   */
  merge(rows: Uint32Array, rowPrefix: Float64Array | null, m: number, compare: RowComparator, exactPrefix = false): void {
    if (m === 0) return
    this.reserve(m)
    const data = this.data
    const prefix = this.prefix
    if ((prefix === null) !== (rowPrefix === null)) throw new Error('RowIndex.merge: prefixes on one side only')
    /** Entry at position e vs batch row j. */
    const above = (e: number, j: number): boolean => {
      if (prefix !== null) {
        const pe = prefix[e]
        const pj = (rowPrefix as Float64Array)[j]
        if (pe !== pj) return pe > pj
        if (exactPrefix && pe - pj === 0) return data[e] > rows[j] // finite tie: arrival order
      }
      return compare(data[e], rows[j]) > 0
    }
    let hi = this.count
    if (m * (Math.log2(hi + 1) + 1) > hi + m) {
      let i = hi - 1
      let k = hi + m - 1
      for (let j = m - 1; j >= 0; k--) {
        if (i >= 0 && above(i, j)) {
          data[k] = data[i]
          if (prefix !== null) prefix[k] = prefix[i]
          i--
        } else {
          data[k] = rows[j]
          if (prefix !== null) prefix[k] = (rowPrefix as Float64Array)[j]
          j--
        }
      }
    } else {
      for (let j = m - 1; j >= 0; j--) {
        const pos = upperBound(hi, j, above)
        if (pos < hi) {
          data.copyWithin(pos + j + 1, pos, hi)
          if (prefix !== null) prefix.copyWithin(pos + j + 1, pos, hi)
        }
        data[pos + j] = rows[j]
        if (prefix !== null) prefix[pos + j] = (rowPrefix as Float64Array)[j]
        hi = pos
      }
    }
    this.count += m
  }

  /**
   * Removes the entries whose arrival index is below `key`, keeping the order of the others; `ascending` says the
   * entries are in arrival order (a prefix goes). Returns how many were removed.
   */
  dropBelow(key: number, ascending: boolean): number {
    const cut = key - this.base
    if (cut <= 0 || this.count === 0) return 0
    const data = this.data
    const prefix = this.prefix
    const count = this.count
    let kept: number
    if (ascending) {
      let lo = 0
      let hi = count
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (data[mid] < cut) lo = mid + 1
        else hi = mid
      }
      if (lo > 0) {
        data.copyWithin(0, lo, count)
        if (prefix !== null) prefix.copyWithin(0, lo, count)
      }
      kept = count - lo
    } else if (prefix !== null) {
      kept = 0
      for (let r = 0; r < count; r++) {
        const v = data[r]
        if (v >= cut) {
          prefix[kept] = prefix[r]
          data[kept++] = v
        }
      }
    } else {
      kept = 0
      for (let r = 0; r < count; r++) {
        const v = data[r]
        if (v >= cut) data[kept++] = v
      }
    }
    this.count = kept
    if (data.length > 65536 && kept * 4 < data.length) this.resize(Math.max(kept * 2, 1024))
    return count - kept
  }

  /** Moves the base up to newBase; every entry must be at or above it. */
  rebase(newBase: number): void {
    const delta = newBase - this.base
    if (delta <= 0) return
    const data = this.data
    for (let i = 0; i < this.count; i++) data[i] -= delta
    this.base = newBase
  }

  private reserve(extra: number): void {
    const need = this.count + extra
    if (need > this.data.length) this.resize(Math.max(need, Math.floor(this.data.length * 1.5), 1024))
  }

  private resize(capacity: number): void {
    const data = new Uint32Array(capacity)
    data.set(this.data.subarray(0, this.count))
    this.data = data
    if (this.prefix !== null) {
      const prefix = new Float64Array(capacity)
      prefix.set(this.prefix.subarray(0, this.count))
      this.prefix = prefix
    }
  }
}

/** The first position in [0, hi) whose entry is above batch row j (`above(e, j)`), searching from the back. */
function upperBound(hi: number, j: number, above: (e: number, j: number) => boolean): number {
  if (hi === 0 || !above(hi - 1, j)) return hi
  // Entry `right` is above row j; gallop left until an entry that is not (or the start) bounds the search.
  let right = hi - 1
  let step = 1
  let left = right - step
  while (left >= 0 && above(left, j)) {
    right = left
    step *= 2
    left = right - step
  }
  let lo = left + 1 < 0 ? 0 : left + 1
  while (lo < right) {
    const mid = (lo + right) >>> 1
    if (above(mid, j)) right = mid
    else lo = mid + 1
  }
  return right
}
