import type { ColumnReader } from '../engine/columnReader'
import { compareDecimal } from '../engine/decimalText'
import { forEachRun } from './chunkRuns'
import { utf8Text } from './rawText'

/**
 * Writes into out[p] the rank of row (base + rows[p])'s decimal among the values of rows[0..n), in numeric order
 * (`1.5` and `1.50` share a rank). Each distinct text is compared once: dictionary chunks look rows up by code.
 * Null rows get some rank (the caller overwrites them).
 */
export function fillDecimalRanks(reader: ColumnReader, rows: Uint32Array, n: number, base: number, out: Uint32Array): void {
  const index = new Map<string, number>()
  const texts: string[] = []
  const item = (s: string): number => {
    let k = index.get(s)
    if (k === undefined) {
      k = texts.length
      texts.push(s)
      index.set(s, k)
    }
    return k
  }
  forEachRun(reader, rows, n, base, 'fillDecimalRanks', (data, i, j, shift) => {
    if (data.kind === 'dictionary') {
      const { codes, dictionary } = data
      for (let p = i; p < j; p++) out[p] = item(dictionary[codes[rows[p] + shift]] ?? '0')
    } else if (data.kind === 'raw') {
      const { bytes, offsets } = data
      for (let p = i; p < j; p++) {
        const o = rows[p] + shift
        out[p] = offsets[o] === offsets[o + 1] ? item('0') : item(utf8Text(bytes, offsets[o], offsets[o + 1]))
      }
    } else {
      throw new Error(`fillDecimalRanks: unexpected chunk kind ${data.kind}`)
    }
  })
  const order = texts.map((_, k) => k).sort((a, b) => compareDecimal(texts[a], texts[b]))
  const rank = new Uint32Array(texts.length)
  let r = 0
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && compareDecimal(texts[order[k - 1]], texts[order[k]]) !== 0) r++
    rank[order[k]] = r
  }
  for (let p = 0; p < n; p++) out[p] = rank[out[p]]
}
