import { radixOrder } from './radixSort'

/**
 * The values to rank: JS strings, or ASCII byte ranges of raw chunks (read in place, never decoded: an ASCII byte is
 * its UTF-16 code unit). Raw values that are not ASCII are decoded by the caller and added as strings.
 */
export class TextItems {
  private readonly strings: string[] = []
  private readonly buffers: Uint8Array[] = []
  /** Per item: a buffer index, or -1 for a string (strings[start]). */
  private slot = new Int32Array(1024)
  private start = new Uint32Array(1024)
  private end = new Uint32Array(1024)
  size = 0

  addString(s: string): number {
    const i = this.next()
    this.slot[i] = -1
    this.start[i] = this.strings.length
    this.strings.push(s)
    return i
  }

  /** Registers a buffer for addAscii; returns its number. */
  addBuffer(bytes: Uint8Array): number {
    this.buffers.push(bytes)
    return this.buffers.length - 1
  }

  /** bytes[start..end) of buffer `buffer`, all below 0x80. */
  addAscii(buffer: number, start: number, end: number): number {
    const i = this.next()
    this.slot[i] = buffer
    this.start[i] = start
    this.end[i] = end
    return i
  }

  /** UTF-16 code unit k of item i, or -1 past its end. */
  unit(i: number, k: number): number {
    const slot = this.slot[i]
    if (slot < 0) {
      const s = this.strings[this.start[i]]
      return k < s.length ? s.charCodeAt(k) : -1
    }
    const at = this.start[i] + k
    return at < this.end[i] ? this.buffers[slot][at] : -1
  }

  /**
   * For the items order[lo..hi): out[w][t] = (code unit depth + w of item order[lo + t]) + 1, or 0 past its end
   * (so a prefix sorts first). Exact: units take 17 bits.
   */
  extract(order: Uint32Array, lo: number, hi: number, depth: number, out: Uint32Array[]): void {
    const { slot, start, end, strings, buffers } = this
    const width = out.length
    for (let t = 0; t < hi - lo; t++) {
      const i = order[lo + t]
      const b = slot[i]
      if (b < 0) {
        const s = strings[start[i]]
        const n = s.length
        for (let w = 0; w < width; w++) out[w][t] = depth + w < n ? s.charCodeAt(depth + w) + 1 : 0
      } else {
        const bytes = buffers[b]
        const from = start[i] + depth
        const n = end[i] - from
        for (let w = 0; w < width; w++) out[w][t] = w < n ? bytes[from + w] + 1 : 0
      }
    }
  }

  private next(): number {
    const i = this.size++
    if (i >= this.slot.length) {
      const capacity = this.slot.length * 2
      this.slot = grow(this.slot, new Int32Array(capacity))
      this.start = grow(this.start, new Uint32Array(capacity))
      this.end = grow(this.end, new Uint32Array(capacity))
    }
    return i
  }
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from)
  return to
}

/** Code units compared per round of the MSD sort (one radix word each). */
const UNITS_PER_ROUND = 4
/** Runs this short are finished by insertion sort. */
const SMALL_RUN = 24

/**
 * Ranks the items by UTF-16 code units (the order of JS `<` and `Array#sort()`): rank[i] is the number of distinct
 * values below item i, so equal values share a rank.
 *
 * An MSD radix sort: each round sorts every unfinished run by its next 4 code units (extracted into typed arrays, then
 * radixOrder), splits it into runs of equal units, and continues with the runs whose values have not ended. So each
 * value is read about once per 4 code units of common prefix (Array#sort of a million strings reads each value ~20
 * times, in random order), and short runs end with an insertion sort.
 */
export function rankText(items: TextItems): Uint32Array {
  const n = items.size
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  /** same[p] = 1: the item at sorted position p equals the one before it. */
  const same = new Uint8Array(n)
  let runs: number[] = n > 1 ? [0, n] : []
  for (let depth = 0; runs.length > 0; depth += UNITS_PER_ROUND) {
    const next: number[] = []
    for (let r = 0; r < runs.length; r += 2) {
      const lo = runs[r]
      const hi = runs[r + 1]
      if (hi - lo <= SMALL_RUN) {
        finishSmallRun(items, order, same, lo, hi, depth)
        continue
      }
      const m = hi - lo
      const words = Array.from({ length: UNITS_PER_ROUND }, () => new Uint32Array(m))
      items.extract(order, lo, hi, depth, words)
      const perm = radixOrder(words, m)
      const sorted = new Uint32Array(m)
      for (let t = 0; t < m; t++) sorted[t] = order[lo + perm[t]]
      order.set(sorted, lo)
      // Runs of equal units: finished when the values ended inside these units (then they are equal), else next round.
      let s = 0
      while (s < m) {
        const ps = perm[s]
        let e = s + 1
        while (e < m && sameWords(words, ps, perm[e])) e++
        if (e - s > 1) {
          if (words[UNITS_PER_ROUND - 1][ps] === 0) same.fill(1, lo + s + 1, lo + e)
          else next.push(lo + s, lo + e)
        }
        s = e
      }
    }
    runs = next
  }
  const rank = new Uint32Array(n)
  let r = 0
  for (let p = 0; p < n; p++) {
    if (p > 0 && same[p] === 0) r++
    rank[order[p]] = r
  }
  return rank
}

function sameWords(words: Uint32Array[], a: number, b: number): boolean {
  for (let w = 0; w < words.length; w++) if (words[w][a] !== words[w][b]) return false
  return true
}

/** Order of items a and b, which share their first `depth` code units. */
function compareFrom(items: TextItems, a: number, b: number, depth: number): number {
  for (let k = depth; ; k++) {
    const ua = items.unit(a, k)
    const ub = items.unit(b, k)
    if (ua !== ub) return ua - ub
    if (ua < 0) return 0
  }
}

function finishSmallRun(items: TextItems, order: Uint32Array, same: Uint8Array, lo: number, hi: number, depth: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const item = order[i]
    let j = i - 1
    while (j >= lo && compareFrom(items, order[j], item, depth) > 0) {
      order[j + 1] = order[j]
      j--
    }
    order[j + 1] = item
  }
  for (let p = lo + 1; p < hi; p++) if (compareFrom(items, order[p - 1], order[p], depth) === 0) same[p] = 1
}
