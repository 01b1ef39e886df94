import { FLAG_ESCAPED, KIND_ARRAY, KIND_FALSE, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from './valueKinds'
import type { Scratch } from './scratch'
import { snippet, unescapeString } from './textValue'

/** The text of the last string token given to `stringContent` (shared, like WORDS): TEXT.bytes[from..to). */
export const TEXT = { bytes: new Uint8Array(0) as Uint8Array, from: 0, to: 0 }

/** Points TEXT at the content of the string token buf[s..e) (quotes included): in place, or unescaped into scratch. */
export function stringContent(buf: Uint8Array, s: number, e: number, flags: number, scratch: Scratch): void {
  if ((flags & FLAG_ESCAPED) === 0) {
    TEXT.bytes = buf
    TEXT.from = s + 1
    TEXT.to = e - 1
  } else {
    TEXT.to = unescapeString(buf, s + 1, e - 1, scratch)
    TEXT.bytes = scratch.bytes
    TEXT.from = 0
  }
}

/** A token for an error message: a string or number as written (shortened), true, false, 'an object', 'an array'. */
export function describeToken(buf: Uint8Array, kind: number, s: number, e: number): string {
  switch (kind) {
    case KIND_STRING:
    case KIND_NUMBER:
      return snippet(buf, s, e)
    case KIND_TRUE:
      return 'true'
    case KIND_FALSE:
      return 'false'
    case KIND_OBJECT:
      return 'an object'
    case KIND_ARRAY:
      return 'an array'
    default:
      return 'null'
  }
}
