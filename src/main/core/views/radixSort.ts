/**
 * Stable LSD radix sort of items by unsigned 32-bit key words.
 *
 * Items are 0..n-1; `words[w][item]` is item's w-th key word, words[0] the most significant. The result lists the
 * items in ascending order of (words[0], words[1], …), ties in item order (the sort is stable).
 *
 * Each word takes up to 32 / digitBits counting passes (16-bit digits for large sorts, 8-bit ones for small batches,
 * whose histograms would otherwise cost more than the items). The histograms of a word's digits are taken in one
 * sequential read, and a digit that is the same for every item (the high bits of a small rank, the null flag of a
 * column without nulls) costs no pass. The current word is gathered into item order once and carried along with the
 * items through its passes, so the passes read sequentially and only scatter.
 */
export function radixOrder(words: readonly Uint32Array[], n: number): Uint32Array {
  let items = new Uint32Array(n)
  for (let i = 0; i < n; i++) items[i] = i
  if (n < 2 || words.length === 0) return items
  const bits = n < 65536 ? 8 : 16
  const radix = 1 << bits
  const mask = radix - 1
  const digits = 32 / bits
  const counts = new Uint32Array(radix * digits)
  let itemsOut = new Uint32Array(n)
  let keys = new Uint32Array(n)
  let keysOut = new Uint32Array(n)
  let identity = true
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w]
    counts.fill(0)
    if (bits === 8) histogram8(word, n, counts)
    else histogram16(word, n, counts)
    let gathered = false
    for (let d = 0; d < digits; d++) {
      const shift = d * bits
      const base = d * radix
      if (counts[base + ((word[0] >>> shift) & mask)] === n) continue
      if (!gathered) {
        if (identity) keys.set(word.subarray(0, n))
        else for (let i = 0; i < n; i++) keys[i] = word[items[i]]
        gathered = true
      }
      // Exclusive prefix sums: the first slot of each digit value.
      let sum = 0
      for (let b = base; b < base + radix; b++) {
        const c = counts[b]
        counts[b] = sum
        sum += c
      }
      for (let i = 0; i < n; i++) {
        const k = keys[i]
        const at = counts[base + ((k >>> shift) & mask)]++
        itemsOut[at] = items[i]
        keysOut[at] = k
      }
      let t = items
      items = itemsOut
      itemsOut = t
      t = keys
      keys = keysOut
      keysOut = t
      identity = false
    }
  }
  return items
}

function histogram8(word: Uint32Array, n: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const k = word[i]
    counts[k & 0xff]++
    counts[256 + ((k >>> 8) & 0xff)]++
    counts[512 + ((k >>> 16) & 0xff)]++
    counts[768 + (k >>> 24)]++
  }
}

function histogram16(word: Uint32Array, n: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const k = word[i]
    counts[k & 0xffff]++
    counts[65536 + (k >>> 16)]++
  }
}
