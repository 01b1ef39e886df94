import type { ColumnReader } from '../engine/columnReader'
import type { LiveTable } from '../engine/liveTable'
import { forEachRun } from './chunkRuns'
import { fillDecimalRanks } from './decimalRanks'
import { fillRanks } from './stringRanks'
import type { SortColumn } from './viewPlan'

/**
 * Radix key words, most significant first, for rows[0..n) (ascending offsets from base), such that comparing the
 * words of two rows as unsigned integers orders them as the sort keys do (see README.md, "Ordering"):
 *
 * - per sort column, a null word (1 for the rows that go after, only when some row is null), then the value words;
 * - int16/int32/date: the value with its sign bit flipped; bool: 0/1; int64/timestamp/duration: high word sign-flipped, low word;
 * - float32/float64: the IEEE bits, negatives inverted and positives with the sign bit set, -0 as +0 and every NaN
 *   as all ones (after +Infinity);
 * - string/bytes: the value's rank among the distinct values (stringRanks.ts); decimal: its numeric rank (decimalRanks.ts);
 * - list and map columns are not sortable (validateViewSpec rejects them);
 * - desc inverts the value words (not the null word); null rows have all-zero value words before that, so they tie.
 */
export function sortWords(table: LiveTable, sort: readonly SortColumn[], rows: Uint32Array, n: number, base: number): Uint32Array[] {
  const words: Uint32Array[] = []
  for (const key of sort) words.push(...columnWords(table.columnReader(key.column), key, rows, n, base))
  return words
}

function columnWords(reader: ColumnReader, key: SortColumn, rows: Uint32Array, n: number, base: number): Uint32Array[] {
  const type = key.type
  const hiWord = new Uint32Array(n)
  const loWord = type === 'float64' || type === 'int64' || type === 'timestamp' || type === 'duration' ? new Uint32Array(n) : null
  if (type === 'string' || type === 'bytes') fillRanks(reader, type === 'bytes', rows, n, base, hiWord)
  else if (type === 'decimal') fillDecimalRanks(reader, rows, n, base, hiWord)
  let nullWord = null as Uint32Array | null // set by the callback below
  const nullFlag = key.nullsFirst ? 0 : 1
  forEachRun(reader, rows, n, base, 'sortWords', (data, i, j, shift) => {
    switch (data.kind) {
      case 'int16':
      case 'int32':
        fillInt(data.values, rows, i, j, shift, hiWord)
        break
      case 'bool':
        fillBool(data.values, rows, i, j, shift, hiWord)
        break
      case 'float32':
        fillFloat32(data.values, rows, i, j, shift, hiWord)
        break
      case 'float64':
        fillFloat64(data.values, rows, i, j, shift, hiWord, loWord as Uint32Array)
        break
      case 'int64':
        fillInt64(data.words, rows, i, j, shift, hiWord, loWord as Uint32Array)
        break
      default:
        break // strings, bytes and decimals: ranked above
    }
    const nulls = data.nulls
    if (nulls !== null) {
      for (let p = i; p < j; p++) {
        const o = rows[p] + shift
        if ((nulls[o >>> 3] & (1 << (o & 7))) === 0) continue
        if (nullWord === null) nullWord = new Uint32Array(n).fill(1 - nullFlag)
        nullWord[p] = nullFlag
        hiWord[p] = 0
        if (loWord !== null) loWord[p] = 0
      }
    }
  })
  if (key.desc) {
    invert(hiWord)
    if (loWord !== null) invert(loWord)
  }
  const out = nullWord === null ? [] : [nullWord]
  out.push(hiWord)
  if (loWord !== null) out.push(loWord)
  return out
}

function invert(word: Uint32Array): void {
  for (let p = 0; p < word.length; p++) word[p] = ~word[p]
}

function fillInt(values: Int16Array | Int32Array, rows: Uint32Array, i: number, j: number, shift: number, out: Uint32Array): void {
  for (let p = i; p < j; p++) out[p] = values[rows[p] + shift] ^ 0x80000000
}

function fillBool(values: Uint8Array, rows: Uint32Array, i: number, j: number, shift: number, out: Uint32Array): void {
  for (let p = i; p < j; p++) out[p] = values[rows[p] + shift]
}

function fillFloat32(values: Float32Array, rows: Uint32Array, i: number, j: number, shift: number, out: Uint32Array): void {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length)
  for (let p = i; p < j; p++) {
    const b = bits[rows[p] + shift]
    if ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0) out[p] = 0xffffffff // NaN: after +Infinity
    else if (b === 0x80000000) out[p] = 0x80000000 // -0 as +0
    else out[p] = b >= 0x80000000 ? ~b : b | 0x80000000
  }
}

function fillFloat64(values: Float64Array, rows: Uint32Array, i: number, j: number, shift: number, hiOut: Uint32Array, loOut: Uint32Array): void {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length * 2)
  for (let p = i; p < j; p++) {
    const at = (rows[p] + shift) * 2
    const lo = bits[at]
    const hi = bits[at + 1]
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0) {
      hiOut[p] = 0xffffffff // NaN: after +Infinity
      loOut[p] = 0xffffffff
    } else if (hi === 0x80000000 && lo === 0) {
      hiOut[p] = 0x80000000 // -0 as +0
      loOut[p] = 0
    } else if (hi >= 0x80000000) {
      hiOut[p] = ~hi
      loOut[p] = ~lo
    } else {
      hiOut[p] = hi | 0x80000000
      loOut[p] = lo
    }
  }
}

function fillInt64(words: Int32Array, rows: Uint32Array, i: number, j: number, shift: number, hiOut: Uint32Array, loOut: Uint32Array): void {
  for (let p = i; p < j; p++) {
    const at = (rows[p] + shift) * 2
    hiOut[p] = words[at + 1] ^ 0x80000000
    loOut[p] = words[at]
  }
}
