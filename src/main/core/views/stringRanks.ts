import type { ColumnReader } from '../engine/columnReader'
import { CHUNK_SIZE, chunkIndexOf, runEnd } from './chunkRuns'
import { latin1Text, utf8Text } from './rawText'

/**
 * Writes into out[p] the rank of row (base + rows[p])'s value among the distinct values of rows[0..n) (ascending,
 * offsets from base): string columns rank by UTF-16 code units (JS `<`, the order of Array#sort()), bytes columns by
 * unsigned bytes (as latin1 strings). Equal values get equal ranks; null rows get some rank (the caller overwrites
 * them).
 *
 * Dictionary chunks map each distinct value of the chunk once (code → id), unless the rows of the chunk are few
 * compared with its dictionary; raw chunks decode every row. Only the distinct values are sorted (about 1,000 for a
 * million rows of symbols), then ids become ranks.
 */
export function fillRanks(reader: ColumnReader, bytesColumn: boolean, rows: Uint32Array, n: number, base: number, out: Uint32Array): void {
  const ids = new Map<string, number>()
  const distinct: string[] = []
  const idOf = (s: string): number => {
    let id = ids.get(s)
    if (id === undefined) {
      id = distinct.length
      distinct.push(s)
      ids.set(s, id)
    }
    return id
  }
  const decode = bytesColumn ? latin1Text : utf8Text
  for (let i = 0; i < n; ) {
    const j = runEnd(rows, i, n, base)
    const c = chunkIndexOf(base + rows[i])
    const shift = base - c * CHUNK_SIZE
    const data = reader.chunkData(c)
    if (data === null) throw new Error(`fillRanks: chunk ${c} is not held`)
    if (data.kind === 'dictionary') {
      const { codes, dictionary } = data
      if ((j - i) * 4 >= dictionary.length) {
        const codeIds = new Uint32Array(dictionary.length)
        for (let code = 0; code < dictionary.length; code++) codeIds[code] = idOf(dictionary[code])
        for (let p = i; p < j; p++) out[p] = codeIds[codes[rows[p] + shift]]
      } else {
        for (let p = i; p < j; p++) {
          const value = dictionary[codes[rows[p] + shift]]
          out[p] = value === undefined ? 0 : idOf(value) // undefined: a null row of a chunk with no value yet
        }
      }
    } else if (data.kind === 'raw') {
      const { bytes, offsets } = data
      for (let p = i; p < j; p++) {
        const o = rows[p] + shift
        out[p] = idOf(decode(bytes, offsets[o], offsets[o + 1]))
      }
    } else {
      throw new Error(`fillRanks: unexpected chunk kind ${data.kind}`)
    }
    i = j
  }
  const sorted = distinct.slice().sort()
  const rankOfId = new Uint32Array(distinct.length)
  for (let r = 0; r < sorted.length; r++) rankOfId[ids.get(sorted[r]) as number] = r
  for (let p = 0; p < n; p++) out[p] = rankOfId[out[p]]
}
