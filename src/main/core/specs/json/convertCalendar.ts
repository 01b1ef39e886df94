import { parseCivilDate } from '../../engine/calendarDate'
import type { ColumnWriter } from '../../engine/columnWriter'
import { appendInt64 } from './convertNumbers'
import type { Scratch } from './scratch'
import { asciiText } from './textValue'
import { TEXT, describeToken, stringContent } from './tokenText'
import { FLAG_PLAIN_INTEGER, KIND_NUMBER, KIND_STRING } from './valueKinds'

/** date columns: a string `YYYY-MM-DD` (a real calendar day) or an integer number of days since 1970-01-01. */
export function appendDate(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, _number: number, scratch: Scratch): string | null {
  if (kind === KIND_STRING) {
    stringContent(buf, s, e, flags, scratch)
    if (TEXT.to === TEXT.from) {
      w.appendNull()
      return null
    }
    const days = TEXT.to - TEXT.from <= 12 ? parseCivilDate(asciiText(TEXT.bytes, TEXT.from, TEXT.to)) : null
    if (days !== null && (days | 0) === days) {
      w.appendNumber(days)
      return null
    }
  } else if (kind === KIND_NUMBER && (flags & FLAG_PLAIN_INTEGER) !== 0 && e - s <= 11) {
    const days = Number(asciiText(buf, s, e))
    if ((days | 0) === days) {
      w.appendNumber(days)
      return null
    }
  }
  return `${describeToken(buf, kind, s, e)} is not a date (YYYY-MM-DD or days since 1970-01-01)`
}

const ISO_DURATION = /^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/
const NS_PER = [604_800_000_000_000n, 86_400_000_000_000n, 3_600_000_000_000n, 60_000_000_000n, 1_000_000_000n]

/**
 * duration columns: an ISO-8601 duration string `[-]PnWnDTnHnMn.nS` (weeks and days of 24 hours, up to 9 fraction
 * digits of seconds, as java.time.Duration prints them), or nanoseconds as an integer number or numeric string.
 */
export function appendDuration(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, number: number, scratch: Scratch): string | null {
  if (kind === KIND_STRING && e - s > 2 && e - s < 120) {
    const first = buf[s + 1] === 0x2d || buf[s + 1] === 0x2b ? buf[s + 2] : buf[s + 1]
    if (first === 0x50 || first === 0x70) {
      stringContent(buf, s, e, flags, scratch)
      const ns = parseIsoDuration(asciiText(TEXT.bytes, TEXT.from, TEXT.to).toUpperCase())
      if (ns === null) return `${describeToken(buf, kind, s, e)} is not an ISO-8601 duration (PnDTnHnMn.nS)`
      try {
        w.appendBigInt(ns)
      } catch {
        return `${describeToken(buf, kind, s, e)} is out of range for a duration`
      }
      return null
    }
  }
  return appendInt64(w, buf, kind, s, e, flags, number, scratch)
}

/** Nanoseconds of an ISO-8601 duration (upper case), or null. */
export function parseIsoDuration(text: string): bigint | null {
  const m = ISO_DURATION.exec(text)
  if (m === null || text.endsWith('T') || text === 'P' || text.endsWith('PT')) return null
  let ns = 0n
  for (let k = 0; k < 5; k++) if (m[k + 2] !== undefined) ns += BigInt(m[k + 2]) * NS_PER[k]
  if (m[7] !== undefined) ns += BigInt(m[7].padEnd(9, '0'))
  return m[1] === '-' ? -ns : ns
}
