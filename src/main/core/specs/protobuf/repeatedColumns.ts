import type { Enum, Field, MapField } from 'protobufjs'
import type { ColumnWriter } from '../../engine/columnWriter'
import { collectFields, mapKeyText, type Occurrences } from './jsonRender'
import { defaultWriter, scalarReader } from './scalarReaders'
import { SCALAR_WIRE } from './scalarTypes'
import { WT_LEN, WireCursor } from './wireCursor'

/** Writes the value occurrences of a repeated field or map into a list or map column. */
export type RepeatedWriter = (buf: Buffer, occ: Occurrences, w: ColumnWriter) => void

/** One scalar value whose occurrence is (start, end, wire) at occ[i..i+3) into `w`. */
function valueWriter(scalar: string, enumType: Enum | null): (buf: Buffer, occ: Occurrences, i: number, w: ColumnWriter, c: WireCursor) => void {
  if (scalar === 'string' || scalar === 'bytes') return (buf, occ, i, w) => w.appendUtf8(buf, occ[i], occ[i + 1])
  const read = scalarReader(scalar, enumType)
  return (buf, occ, i, w, c) => {
    c.reset(buf, occ[i], occ[i + 1])
    read(c, w)
  }
}

/** repeated scalars (packed or not, in wire order) into a list<T> column. */
export function listWriter(scalar: string, enumType: Enum | null): RepeatedWriter {
  const c = new WireCursor()
  const elementWire = SCALAR_WIRE[scalar]
  const packable = elementWire !== WT_LEN
  const fixedSize = elementWire === 1 ? 8 : 4
  const read = scalarReader(scalar, enumType)
  const one = valueWriter(scalar, enumType)
  return (buf, occ, w) => {
    const items = w.child(0)
    for (let i = 0; i < occ.length; i += 3) {
      if (packable && occ[i + 2] === WT_LEN) {
        c.reset(buf, occ[i], occ[i + 1])
        while (c.pos < c.end) {
          const p = c.pos
          read(c, items)
          if (c.pos === p) c.pos += fixedSize // fixed-width readers do not advance
        }
      } else {
        one(buf, occ, i, items, c)
      }
    }
    w.appendList()
  }
}

/** map<K, scalar> entries into a map<string,T> column: keys as their JSON-mapping text, a missing value as its default. */
export function mapWriter(field: Field, scalar: string, enumType: Enum | null): RepeatedWriter {
  const keyType = (field as unknown as MapField).keyType
  const c = new WireCursor()
  const one = valueWriter(scalar, enumType)
  const fallback = defaultWriter(scalar, enumType)
  return (buf, occ, w) => {
    const keys = w.child(0)
    const values = w.child(1)
    for (let i = 0; i < occ.length; i += 3) {
      const fields = collectFields(buf, [occ[i], occ[i + 1]])
      keys.appendString(mapKeyText(keyType, buf, fields.get(1)))
      const v = fields.get(2)
      if (v === undefined) fallback(values)
      else one(buf, v, v.length - 3, values, c)
    }
    w.appendList()
  }
}
