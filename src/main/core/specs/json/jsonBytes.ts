/** Byte values the JSON scanner and converters compare against. */
export const QUOTE = 0x22
export const BACKSLASH = 0x5c
export const SLASH = 0x2f
export const COMMA = 0x2c
export const COLON = 0x3a
export const OPEN_BRACE = 0x7b
export const CLOSE_BRACE = 0x7d
export const OPEN_BRACKET = 0x5b
export const CLOSE_BRACKET = 0x5d
export const MINUS = 0x2d
export const PLUS = 0x2b
export const DOT = 0x2e
export const DIGIT_0 = 0x30
export const DIGIT_9 = 0x39
export const LOWER_E = 0x65
export const UPPER_E = 0x45
export const SPACE = 0x20
export const TAB = 0x09
export const LF = 0x0a
export const CR = 0x0d

/** JSON insignificant whitespace: space, tab, line feed, carriage return. */
export function isJsonSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB
}

/** The first position at or after pos, before end, that is not JSON whitespace. */
export function skipSpace(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = buf[pos]
    if (c > SPACE || (c !== SPACE && c !== LF && c !== CR && c !== TAB)) return pos
    pos++
  }
  return pos
}

/** The last position + 1 at or before end, after from, that is not JSON whitespace (trims the end of a range). */
export function trimSpaceEnd(buf: Uint8Array, from: number, end: number): number {
  while (end > from && isJsonSpace(buf[end - 1])) end--
  return end
}

/** The value of the hexadecimal digit c, or -1. */
export function hexValue(c: number): number {
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - DIGIT_0
  const lower = c | 0x20
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10
  return -1
}
