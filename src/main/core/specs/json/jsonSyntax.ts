import { RecordDecodeError } from '../recordDecodeError'
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DIGIT_0,
  DIGIT_9,
  DOT,
  LOWER_E,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
  UPPER_E,
  hexValue,
  skipSpace
} from './jsonBytes'
import { KIND_ARRAY, KIND_FALSE, KIND_NULL, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from './valueKinds'

const TRUE = [0x74, 0x72, 0x75, 0x65]
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65]
const NULL = [0x6e, 0x75, 0x6c, 0x6c]

/**
 * JSON syntax (RFC 8259) at the token level: reads and validates one token, or skips a whole object or array of any
 * depth without recursion, building nothing. Errors are RecordDecodeErrors naming the byte offset from `origin`.
 */
export class JsonSyntax {
  /** Whether the last string read had backslash escapes. */
  protected escaped = false
  /** Whether the last number read had neither fraction nor exponent. */
  protected plainInteger = false
  /** Where the last token read by `token` ends. */
  protected tokenEnd = 0
  /** Where the document starts, for error offsets. */
  protected origin = 0
  private stack: Uint8Array = new Uint8Array(64)

  /** Reads one value (containers skipped whole); returns its kind and leaves its end in tokenEnd. */
  protected token(buf: Uint8Array, pos: number, end: number): number {
    const c = buf[pos]
    if (c === QUOTE) {
      this.tokenEnd = this.string(buf, pos + 1, end)
      return KIND_STRING
    }
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      this.tokenEnd = this.number(buf, pos, end)
      return KIND_NUMBER
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.tokenEnd = this.skipContainer(buf, pos, end)
      return c === OPEN_BRACE ? KIND_OBJECT : KIND_ARRAY
    }
    if (c === 0x74) {
      this.tokenEnd = this.literal(buf, pos, end, TRUE)
      return KIND_TRUE
    }
    if (c === 0x66) {
      this.tokenEnd = this.literal(buf, pos, end, FALSE)
      return KIND_FALSE
    }
    if (c === 0x6e) {
      this.tokenEnd = this.literal(buf, pos, end, NULL)
      return KIND_NULL
    }
    return this.fail(buf, pos, end, 'a value')
  }

  /** Skips an object or array of any depth without recursion. pos is at '{' or '['. */
  protected skipContainer(buf: Uint8Array, pos: number, end: number): number {
    let stack = this.stack
    let depth = 0
    let c = buf[pos]
    for (;;) {
      // c, at pos, opens a container
      if (depth === stack.length) stack = this.growStack()
      stack[depth++] = c
      pos = skipSpace(buf, pos + 1, end)
      let empty = false
      if (c === OPEN_BRACE) {
        if (pos < end && buf[pos] === CLOSE_BRACE) empty = true
        else pos = this.fieldName(buf, pos, end)
      } else {
        empty = pos < end && buf[pos] === CLOSE_BRACKET
      }
      if (empty) {
        pos++
        depth--
      } else {
        if (pos >= end) this.fail(buf, pos, end, 'a value')
        c = buf[pos]
        if (c === OPEN_BRACE || c === OPEN_BRACKET) continue
        pos = this.scalar(buf, pos, end)
      }
      // after a value: ',' and closing brackets until a container opens or the outermost one closes
      for (;;) {
        if (depth === 0) return pos
        pos = skipSpace(buf, pos, end)
        const top = stack[depth - 1]
        c = pos < end ? buf[pos] : -1
        if (c === COMMA) {
          pos = skipSpace(buf, pos + 1, end)
          if (top === OPEN_BRACE) pos = this.fieldName(buf, pos, end)
          if (pos >= end) this.fail(buf, pos, end, 'a value')
          c = buf[pos]
          if (c === OPEN_BRACE || c === OPEN_BRACKET) break
          pos = this.scalar(buf, pos, end)
        } else if (c === (top === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
          pos++
          depth--
        } else {
          this.fail(buf, pos, end, top === OPEN_BRACE ? "',' or '}'" : "',' or ']'")
        }
      }
    }
  }

  private growStack(): Uint8Array {
    const stack = new Uint8Array(this.stack.length * 2)
    stack.set(this.stack)
    this.stack = stack
    return stack
  }

  /** `"name"` then ':' (with whitespace); returns the position of the value. */
  protected fieldName(buf: Uint8Array, pos: number, end: number): number {
    if (pos >= end || buf[pos] !== QUOTE) this.fail(buf, pos, end, 'a field name in double quotes')
    pos = skipSpace(buf, this.string(buf, pos + 1, end), end)
    if (pos >= end || buf[pos] !== COLON) this.fail(buf, pos, end, "':'")
    return skipSpace(buf, pos + 1, end)
  }

  /** A string, number or literal (not a container). */
  protected scalar(buf: Uint8Array, pos: number, end: number): number {
    const c = buf[pos]
    if (c === OPEN_BRACE || c === OPEN_BRACKET) this.fail(buf, pos, end, 'a value')
    this.token(buf, pos, end)
    return this.tokenEnd
  }

  /**
   * A string's content from pos (after the opening quote); returns the position after the closing quote and sets
   * `escaped`. The scanner's hot path: byte values are written out (0x22 '"', 0x5c '\\') rather than read from
   * imported constants, which a non-bundled build reads as module properties on every byte.
   */
  protected string(buf: Uint8Array, pos: number, end: number): number {
    let escaped = false
    let c: number
    while (pos < end && (c = buf[pos]) !== 0x22) {
      if (c === 0x5c) {
        escaped = true
        pos = this.escape(buf, pos, end)
      } else if (c < 0x20) {
        this.fail(buf, pos, end, 'a character (control characters must be escaped in strings)')
      } else {
        pos++
      }
    }
    if (pos >= end) this.fail(buf, pos, end, 'the closing \'"\' of a string')
    this.escaped = escaped
    return pos + 1
  }

  protected escape(buf: Uint8Array, pos: number, end: number): number {
    const e = pos + 1 < end ? buf[pos + 1] : -1
    // " \ / b f n r t
    if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) return pos + 2
    if (e === 0x75) {
      if (pos + 6 <= end && hexValue(buf[pos + 2]) >= 0 && hexValue(buf[pos + 3]) >= 0 && hexValue(buf[pos + 4]) >= 0 && hexValue(buf[pos + 5]) >= 0) {
        return pos + 6
      }
      this.fail(buf, pos, end, 'four hex digits after \\u')
    }
    return this.fail(buf, pos + 1, end, 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)')
  }

  protected number(buf: Uint8Array, pos: number, end: number): number {
    let p = pos
    let plain = true
    if (buf[p] === MINUS) p++
    let c = p < end ? buf[p] : -1
    if (c === DIGIT_0) {
      p++
    } else if (c > DIGIT_0 && c <= DIGIT_9) {
      p++
      while (p < end && buf[p] >= DIGIT_0 && buf[p] <= DIGIT_9) p++
    } else {
      this.fail(buf, p, end, 'a digit')
    }
    c = p < end ? buf[p] : -1
    if (c === DOT) {
      plain = false
      p = this.digits(buf, p + 1, end)
      c = p < end ? buf[p] : -1
    }
    if (c === LOWER_E || c === UPPER_E) {
      plain = false
      p++
      if (p < end && (buf[p] === PLUS || buf[p] === MINUS)) p++
      p = this.digits(buf, p, end)
    }
    this.plainInteger = plain
    return p
  }

  /** One or more digits. */
  protected digits(buf: Uint8Array, p: number, end: number): number {
    const from = p
    while (p < end && buf[p] >= DIGIT_0 && buf[p] <= DIGIT_9) p++
    if (p === from) this.fail(buf, p, end, 'a digit')
    return p
  }

  protected literal(buf: Uint8Array, pos: number, end: number, word: readonly number[]): number {
    for (let k = 0; k < word.length; k++) {
      if (pos + k >= end || buf[pos + k] !== word[k]) this.fail(buf, pos, end, 'a value')
    }
    return pos + word.length
  }

  protected fail(buf: Uint8Array, pos: number, end: number, expected: string): never {
    let found: string
    if (pos >= end) {
      found = 'the value ends'
    } else {
      const c = buf[pos]
      found = c >= 0x21 && c < 0x7f ? `found '${String.fromCharCode(c)}'` : `found byte 0x${c.toString(16).padStart(2, '0')}`
    }
    throw new RecordDecodeError(`invalid JSON at byte ${pos - this.origin}: expected ${expected}, ${found}`)
  }
}
