import { Buffer } from 'node:buffer'
import { BACKSLASH, QUOTE, hexValue, isJsonSpace } from './jsonBytes'
import type { Scratch } from './scratch'

/**
 * Writes the UTF-8 of the JSON string content bytes[from..to) (between the quotes, escapes already validated by the
 * scanner) to scratch.bytes[0..) and returns its length. A lone surrogate escape becomes U+FFFD.
 */
export function unescapeString(bytes: Uint8Array, from: number, to: number, scratch: Scratch): number {
  const out = scratch.room(to - from) // no escape is shorter than what it stands for
  let n = 0
  let p = from
  while (p < to) {
    const c = bytes[p]
    if (c !== BACKSLASH) {
      out[n++] = c
      p++
      continue
    }
    const e = bytes[p + 1]
    p += 2
    switch (e) {
      case 0x62: out[n++] = 0x08; break // \b
      case 0x66: out[n++] = 0x0c; break // \f
      case 0x6e: out[n++] = 0x0a; break // \n
      case 0x72: out[n++] = 0x0d; break // \r
      case 0x74: out[n++] = 0x09; break // \t
      case 0x75: { // \uXXXX
        let code = hex4(bytes, p)
        p += 4
        if (code >= 0xd800 && code <= 0xdbff && p + 6 <= to && bytes[p] === BACKSLASH && bytes[p + 1] === 0x75) {
          const low = hex4(bytes, p + 2)
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
            p += 6
          }
        }
        if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd
        n = writeCodePoint(out, n, code)
        break
      }
      default: out[n++] = e // \" \\ \/
    }
  }
  return n
}

function hex4(bytes: Uint8Array, p: number): number {
  return (hexValue(bytes[p]) << 12) | (hexValue(bytes[p + 1]) << 8) | (hexValue(bytes[p + 2]) << 4) | hexValue(bytes[p + 3])
}

function writeCodePoint(out: Uint8Array, n: number, code: number): number {
  if (code < 0x80) {
    out[n++] = code
  } else if (code < 0x800) {
    out[n++] = 0xc0 | (code >> 6)
    out[n++] = 0x80 | (code & 0x3f)
  } else if (code < 0x10000) {
    out[n++] = 0xe0 | (code >> 12)
    out[n++] = 0x80 | ((code >> 6) & 0x3f)
    out[n++] = 0x80 | (code & 0x3f)
  } else {
    out[n++] = 0xf0 | (code >> 18)
    out[n++] = 0x80 | ((code >> 12) & 0x3f)
    out[n++] = 0x80 | ((code >> 6) & 0x3f)
    out[n++] = 0x80 | (code & 0x3f)
  }
  return n
}

/**
 * Writes the (valid) JSON text bytes[from..to) without its insignificant whitespace to scratch.bytes[0..) and returns
 * its length. Strings, escapes and number spellings are kept as written.
 */
export function compactJson(bytes: Uint8Array, from: number, to: number, scratch: Scratch): number {
  const out = scratch.room(to - from)
  let n = 0
  let inString = false
  for (let p = from; p < to; p++) {
    const c = bytes[p]
    if (inString) {
      out[n++] = c
      if (c === BACKSLASH) out[n++] = bytes[++p]
      else if (c === QUOTE) inString = false
    } else if (!isJsonSpace(c)) {
      out[n++] = c
      if (c === QUOTE) inString = true
    }
  }
  return n
}

/** Whether bytes[from..to) holds JSON whitespace (outside or inside strings: a cheap, conservative test). */
export function hasSpace(bytes: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isJsonSpace(bytes[p])) return true
  return false
}

const SNIPPET_CHARS = 40

/** bytes[from..to) as text for an error message, shortened to about 40 characters. */
export function snippet(bytes: Uint8Array, from: number, to: number): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', from, Math.min(to, from + SNIPPET_CHARS * 4))
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text
}

/** Short ASCII text bytes[from..to) as a string (a byte above 0x7f becomes a Latin-1 character, which matches no keyword). */
export function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let text = ''
  for (let p = from; p < to; p++) text += String.fromCharCode(bytes[p])
  return text
}
