/** Field-level problems (a value the column cannot hold): the column gets null and the reporter is told. */
import type { FieldErrorReporter } from '../partDecoder'
import * as c from './avroCursor'
import type { Sink } from './avroCompile'

let reporter: FieldErrorReporter | undefined

export function setFieldErrorReporter(r: FieldErrorReporter | undefined): void {
  reporter = r
}

export function fieldError(field: string, reason: string): void {
  reporter?.(field, reason)
}

const MAX_MS = 9_223_372_036_854

/** timestamp-millis/-micros/-nanos longs (or ints promoted) into a timestamp column (epoch ns). */
export function timestampSink(fromInt: boolean, logical: string, col: number, name: string): Sink {
  const factor = logical === 'timestamp-millis' ? 1_000_000n : logical === 'timestamp-micros' ? 1000n : 1n
  const slow = (v: number): bigint | null => {
    const ns = c.longBigInt(v) * factor
    if (ns > 9223372036854775807n || ns < -9223372036854775808n) {
      fieldError(name, `${logical} value ${c.longBigInt(v)} is outside the timestamp range`)
      return null
    }
    return ns
  }
  if (logical === 'timestamp-millis') {
    return (ws, f) => {
      const v = fromInt ? c.readInt() : c.readLong()
      if (v === v && v <= MAX_MS && v >= -MAX_MS) {
        ws[f + col].appendNumber(v)
        return
      }
      const ns = slow(v)
      if (ns === null) ws[f + col].appendNull()
      else ws[f + col].appendBigInt(ns)
    }
  }
  return (ws, f) => {
    const v = fromInt ? c.readInt() : c.readLong()
    const ns = slow(v)
    if (ns === null) ws[f + col].appendNull()
    else ws[f + col].appendBigInt(ns)
  }
}
