import type { ColumnWriter } from '../engine/columnWriter'
import type { RecordCursor } from '../kafka/batchRecords'
import { VarintReader } from '../kafka/recordBatches'
import type { PartDecoder } from '../specs/partDecoder'

/** Adds a column holding each record's headers, and columns lifted from named headers. */
export interface HeaderOptions {
  /** Name of a string column holding all headers as a JSON object (a repeated key gives an array); absent: no such column. */
  column?: string
  /** Typed columns read from one named header each (its last occurrence), decoded like a simple spec. */
  lift?: { header: string; column: string; type: import('../types').ColumnType }[]
}

export interface LiftedHeader {
  header: Buffer
  decoder: PartDecoder
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function headerValueText(buf: Buffer, start: number, end: number): string {
  try {
    return utf8.decode(buf.subarray(start, end))
  } catch {
    return `base64:${buf.toString('base64', start, end)}`
  }
}

/** Writes the headers of the record under `cursor` into the headers column and the lifted columns. */
export function writeHeaders(
  c: RecordCursor,
  jsonColumn: ColumnWriter | null,
  lifted: readonly LiftedHeader[],
  writers: readonly ColumnWriter[],
  firstLifted: number
): void {
  const found: { start: number; end: number }[] | null = lifted.length > 0 ? lifted.map(() => ({ start: -2, end: -2 })) : null
  const entries: [string, string | null][] = []
  const reader = new VarintReader(c.buf, c.headersStart)
  for (let h = 0; h < c.headerCount; h++) {
    const keyLength = reader.varint()
    const keyStart = reader.pos
    reader.pos += keyLength
    const valueLength = reader.varint()
    const valueStart = reader.pos
    if (valueLength > 0) reader.pos += valueLength
    const valueEnd = valueLength < 0 ? -1 : valueStart + valueLength
    if (found) {
      for (let i = 0; i < lifted.length; i++) {
        const name = lifted[i].header
        if (name.length === keyLength && c.buf.compare(name, 0, name.length, keyStart, keyStart + keyLength) === 0) found[i] = { start: valueLength < 0 ? -1 : valueStart, end: valueEnd }
      }
    }
    if (jsonColumn) entries.push([c.buf.toString('utf8', keyStart, keyStart + keyLength), valueLength < 0 ? null : headerValueText(c.buf, valueStart, valueEnd)])
  }
  if (jsonColumn) {
    if (c.headerCount === 0) jsonColumn.appendNull()
    else {
      const object: Record<string, string | null | (string | null)[]> = {}
      for (const [key, value] of entries) {
        const existing = object[key]
        object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
      }
      jsonColumn.appendString(JSON.stringify(object))
    }
  }
  if (found) {
    for (let i = 0; i < lifted.length; i++) {
      const { start, end } = found[i]
      if (start < 0) writers[firstLifted + i].appendNull()
      else lifted[i].decoder.decode(c.buf, start, end, writers, firstLifted + i)
    }
  }
}
