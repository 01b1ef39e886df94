import type { ColumnWriter } from '../../engine/columnWriter'
import { decodeBase64 } from './base64'
import { FLAG_ESCAPED, KIND_ARRAY, KIND_FALSE, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from './valueKinds'
import type { Scratch } from './scratch'
import { asciiText, compactJson, hasSpace, unescapeString } from './textValue'
import { TEXT, describeToken, stringContent } from './tokenText'

/**
 * string columns: a string's text; a number, true or false as written in the JSON (1.50 stays "1.50");
 * an object or array as compact JSON text (whitespace between tokens removed, strings and numbers as written).
 */
export function appendText(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, scratch: Scratch): null {
  if (kind === KIND_STRING) {
    if ((flags & FLAG_ESCAPED) === 0) {
      w.appendUtf8(buf, s + 1, e - 1)
    } else {
      const n = unescapeString(buf, s + 1, e - 1, scratch)
      w.appendUtf8(scratch.bytes, 0, n)
    }
  } else if ((kind === KIND_OBJECT || kind === KIND_ARRAY) && hasSpace(buf, s, e)) {
    const n = compactJson(buf, s, e, scratch)
    w.appendUtf8(scratch.bytes, 0, n)
  } else {
    w.appendUtf8(buf, s, e)
  }
  return null
}

/** bytes columns: a string holding base64 (standard or URL-safe alphabet, padding optional). */
export function appendBase64(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, scratch: Scratch): string | null {
  if (kind !== KIND_STRING) return `${describeToken(buf, kind, s, e)} is not base64 text`
  stringContent(buf, s, e, flags, scratch)
  // When the text was unescaped into scratch (from 0), decoding in place is safe: output lags input.
  const n = decodeBase64(TEXT.bytes, TEXT.from, TEXT.to, scratch)
  if (n < 0) return `${describeToken(buf, kind, s, e)} is not base64 text`
  w.appendUtf8(scratch.bytes, 0, n)
  return null
}

/** Deephaven's spellings (JsonNodeBooleanFieldCopier); '' is null. */
const BOOL_TEXT = new Map<string, boolean>([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['t', true],
  ['T', true],
  ['1', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
  ['f', false],
  ['F', false]
])

/** bool columns: true/false, a string with one of Deephaven's spellings (above) or '' (null), or the number 1. */
export function appendBoolean(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, scratch: Scratch): string | null {
  if (kind === KIND_TRUE || kind === KIND_FALSE) {
    w.appendBool(kind === KIND_TRUE)
    return null
  }
  let text: string | undefined
  if (kind === KIND_STRING) {
    stringContent(buf, s, e, flags, scratch)
    if (TEXT.to === TEXT.from) {
      w.appendNull()
      return null
    }
    if (TEXT.to - TEXT.from <= 5) text = asciiText(TEXT.bytes, TEXT.from, TEXT.to)
  } else if (kind === KIND_NUMBER && e - s === 1) {
    text = asciiText(buf, s, e) // Deephaven reads the number's text: 1 is true, 0 is not a boolean
  }
  const v = text === undefined ? undefined : BOOL_TEXT.get(text)
  if (v === undefined) return `${describeToken(buf, kind, s, e)} is not a boolean (true, false, "true", "T", "1", "false", "F", …)`
  w.appendBool(v)
  return null
}
