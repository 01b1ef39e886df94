import type { ColumnWriter } from '../../engine/columnWriter'
import { canonicalDecimal } from '../../engine/decimalText'
import type { Scratch } from './scratch'
import { asciiText } from './textValue'
import { TEXT, describeToken, stringContent } from './tokenText'
import { KIND_NUMBER, KIND_STRING } from './valueKinds'

/** Longer numbers than this are field errors (an exponent could otherwise expand one into megabytes of digits). */
const MAX_DIGITS = 1000

/**
 * decimal columns: a number or a numeric string (whitespace around it, '+', leading zeros allowed), kept exactly as
 * written (`1.50` stays `1.50`, `1.5e3` becomes `1500`): no rounding through a double. An empty string is null.
 */
export function appendDecimal(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, _number: number, scratch: Scratch): string | null {
  let text: string | null = null
  if (kind === KIND_NUMBER) {
    text = e - s <= MAX_DIGITS ? canonicalDecimal(asciiText(buf, s, e)) : null
  } else if (kind === KIND_STRING) {
    stringContent(buf, s, e, flags, scratch)
    const raw = TEXT.to - TEXT.from <= MAX_DIGITS ? asciiText(TEXT.bytes, TEXT.from, TEXT.to).trim() : null
    if (raw === '') {
      w.appendNull()
      return null
    }
    text = raw === null ? null : canonicalDecimal(raw)
  }
  if (text === null || text.length > MAX_DIGITS) return `${describeToken(buf, kind, s, e)} is not a decimal number`
  w.appendString(text)
  return null
}
