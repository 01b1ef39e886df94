import { civilText } from '../engine/calendarDate'
import type { ChunkData, ColumnReader } from '../engine/columnReader'
import { CHUNK_MASK, chunkIndexOf } from './chunkRuns'
import { base64Text, utf8Text } from './rawText'
import type { CellValue } from './viewTypes'

/**
 * The JSON-safe values (see CellValue in viewTypes.ts) of one column at the given arrival indexes, which must be
 * visible rows: numbers as numbers (-0 as 0; NaN and ±Infinity as 'NaN'/'Infinity'/'-Infinity'), int64, timestamp
 * and duration as decimal strings, dates as `YYYY-MM-DD`, bytes as base64, lists as arrays and maps as objects of
 * such values (built only for the rows read), null as null.
 */
export function cellValues(reader: ColumnReader, keys: readonly number[]): CellValue[] {
  const out: CellValue[] = new Array<CellValue>(keys.length)
  const date = reader.type === 'date'
  // Rows of a sorted view hop between chunks: fetch each chunk (and its int64 view) once per call.
  const chunks = new Map<number, { data: ChunkData; big: BigInt64Array | null }>()
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r]
    const c = chunkIndexOf(key)
    let held = chunks.get(c)
    if (held === undefined) {
      const data = reader.chunkData(c)
      if (data === null) throw new Error(`viewport: chunk ${c} is not held`)
      held = { data, big: data.kind === 'int64' ? new BigInt64Array(data.words.buffer, data.words.byteOffset, data.words.length >> 1) : null }
      chunks.set(c, held)
    }
    const d = held.data
    const big = held.big
    const o = key & CHUNK_MASK
    if (d.nulls !== null && (d.nulls[o >>> 3] & (1 << (o & 7))) !== 0) {
      out[r] = null
      continue
    }
    switch (d.kind) {
      case 'int16':
        out[r] = d.values[o]
        break
      case 'int32':
        out[r] = date ? civilText(d.values[o]) : d.values[o]
        break
      case 'float32':
      case 'float64': {
        const v = d.values[o]
        out[r] = v === 0 ? 0 : Number.isFinite(v) ? v : String(v)
        break
      }
      case 'bool':
        out[r] = d.values[o] === 1
        break
      case 'int64':
        out[r] = (big as BigInt64Array)[o].toString()
        break
      case 'dictionary':
        out[r] = d.dictionary[d.codes[o]]
        break
      case 'raw':
        out[r] = reader.type === 'bytes' ? base64Text(d.bytes, d.offsets[o], d.offsets[o + 1]) : utf8Text(d.bytes, d.offsets[o], d.offsets[o + 1])
        break
      case 'list':
      case 'map':
        out[r] = nestedCell(d, o)
        break
    }
  }
  return out
}

/** The cell of row `o` (not null) of a list chunk (an array) or a map chunk (an object; a repeated key keeps its last value). */
export function nestedCell(d: ChunkData & { kind: 'list' | 'map' }, o: number): CellValue {
  const entries = elementKeys(d.base + d.offsets[o], d.base + d.offsets[o + 1])
  if (d.kind === 'list') return cellValues(d.items, entries)
  const names = cellValues(d.keys, entries)
  const values = cellValues(d.values, entries)
  const object: { [key: string]: CellValue } = {}
  for (let e = 0; e < names.length; e++) {
    Object.defineProperty(object, String(names[e]), { value: values[e], enumerable: true, writable: true, configurable: true })
  }
  return object
}

function elementKeys(from: number, to: number): number[] {
  const keys = new Array<number>(to - from)
  for (let e = from; e < to; e++) keys[e - from] = e
  return keys
}
