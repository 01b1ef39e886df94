import type { ColumnReader } from '../engine/columnReader'
import { forEachRun } from './chunkRuns'
import { utf8Text } from './rawText'
import { TextItems, rankText } from './stringSort'

/**
 * Writes into out[p] the rank of row (base + rows[p])'s value among the values of rows[0..n) (ascending offsets from
 * base): string columns rank by UTF-16 code units (JS `<`, the order of Array#sort()), bytes columns by unsigned
 * bytes (each byte one unit, as latin1). Equal values get equal ranks; null rows get some rank (the caller overwrites
 * them).
 *
 * The values to rank (TextItems): a dictionary chunk contributes its dictionary once (rows map code → item), unless
 * the chunk's rows are few compared with its dictionary (then their values one by one); a raw chunk contributes each
 * row, read in place when it is ASCII (or bytes) and decoded otherwise. Values may repeat across chunks: rankText
 * gives equal values equal ranks, so no Map is needed, and a million rows of ~1,000 symbols rank ~16,000 strings.
 */
export function fillRanks(reader: ColumnReader, bytesColumn: boolean, rows: Uint32Array, n: number, base: number, out: Uint32Array): void {
  const items = new TextItems()
  forEachRun(reader, rows, n, base, 'fillRanks', (data, i, j, shift) => {
    if (data.kind === 'dictionary') {
      const { codes, dictionary } = data
      if ((j - i) * 4 >= dictionary.length) {
        const first = items.size
        for (let code = 0; code < dictionary.length; code++) items.addString(dictionary[code])
        if (dictionary.length === 0) items.addString('') // a chunk of nulls only: their code 0 needs an item
        for (let p = i; p < j; p++) out[p] = first + codes[rows[p] + shift]
      } else {
        // undefined: a null row of a chunk with no value yet
        for (let p = i; p < j; p++) out[p] = items.addString(dictionary[codes[rows[p] + shift]] ?? '')
      }
    } else if (data.kind === 'raw') {
      const { bytes, offsets } = data
      const buffer = items.addBuffer(bytes)
      for (let p = i; p < j; p++) {
        const o = rows[p] + shift
        const from = offsets[o]
        const to = offsets[o + 1]
        out[p] = bytesColumn || isAscii(bytes, from, to) ? items.addAscii(buffer, from, to) : items.addString(utf8Text(bytes, from, to))
      }
    } else {
      throw new Error(`fillRanks: unexpected chunk kind ${data.kind}`)
    }
  })
  const rank = rankText(items)
  for (let p = 0; p < n; p++) out[p] = rank[out[p]]
}

function isAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (bytes[k] >= 0x80) return false
  return true
}
