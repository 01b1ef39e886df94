import { RecordDecodeError } from '../recordDecodeError'
import { CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, skipSpace } from './jsonBytes'
import { JsonSyntax } from './jsonSyntax'
import type { PathNode } from './pathTree'
import { Scratch } from './scratch'
import { unescapeString } from './textValue'
import { FLAG_ESCAPED, FLAG_PLAIN_INTEGER, KIND_ARRAY, KIND_NUMBER, KIND_OBJECT, KIND_STRING } from './valueKinds'
import { POW10 } from './wordArithmetic'

/**
 * A validating JSON scanner directed by the tree of column paths: it checks the whole document's syntax
 * (RFC 8259, without building anything) and, for every column, records where its value lies. Values off the paths
 * are skipped. When a field occurs twice in an object, the last one counts (as with JSON.parse and Jackson).
 */
export class JsonScanner extends JsonSyntax {
  /** Per column, for the last scanned document: the kind of its value (0 = missing), its bytes [start, end) and flags. */
  readonly kind: Uint8Array
  readonly start: Uint32Array
  readonly end: Uint32Array
  readonly flags: Uint8Array
  /** The value of a number token when the scan could read it exactly as a double (at most 15 digits, no exponent), else NaN. */
  readonly numbers: Float64Array
  private readonly keyScratch = new Scratch()

  constructor(
    private readonly root: PathNode,
    columnCount: number
  ) {
    super()
    this.kind = new Uint8Array(columnCount)
    this.start = new Uint32Array(columnCount)
    this.end = new Uint32Array(columnCount)
    this.flags = new Uint8Array(columnCount)
    this.numbers = new Float64Array(columnCount)
  }

  /** Scans the JSON text buf[start..end); throws RecordDecodeError when it is not valid JSON. */
  scan(buf: Uint8Array, start: number, end: number): void {
    const kind = this.kind
    for (let i = 0; i < kind.length; i++) kind[i] = 0
    this.origin = start
    let pos = start
    if (end - pos >= 3 && buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3 // UTF-8 BOM
    pos = skipSpace(buf, pos, end)
    if (pos >= end) throw new RecordDecodeError(pos === start ? 'invalid JSON: the value is empty' : 'invalid JSON: the value is only whitespace')
    pos = skipSpace(buf, this.value(this.root, buf, pos, end), end)
    if (pos < end) this.fail(buf, pos, end, 'the end of the value')
  }

  /** A value at a node of the path tree (pos < end). */
  private value(node: PathNode, buf: Uint8Array, pos: number, end: number): number {
    if (node.children.length > 0) {
      const c = buf[pos]
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const subtree = node.subtree
        for (let k = 0; k < subtree.length; k++) this.kind[subtree[k]] = 0 // a duplicate field replaces what came before
        const from = pos
        pos = c === OPEN_BRACE ? this.object(node, buf, pos, end) : this.array(node, buf, pos, end)
        if (node.columns.length > 0) this.record(node, c === OPEN_BRACE ? KIND_OBJECT : KIND_ARRAY, from, pos, 0, Number.NaN)
        return pos
      }
      const subtree = node.subtree
      for (let k = 0; k < subtree.length; k++) this.kind[subtree[k]] = 0
    }
    const from = pos
    const kind = this.token(buf, pos, end)
    pos = this.tokenEnd
    const flags = kind === KIND_STRING ? (this.escaped ? FLAG_ESCAPED : 0) : kind === KIND_NUMBER && this.plainInteger ? FLAG_PLAIN_INTEGER : 0
    this.record(node, kind, from, pos, flags, Number.NaN)
    return pos
  }

  private record(node: PathNode, kind: number, from: number, to: number, flags: number, number: number): void {
    const columns = node.columns
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k]
      this.kind[i] = kind
      this.start[i] = from
      this.end[i] = to
      this.flags[i] = flags
      this.numbers[i] = number
    }
  }

  /**
   * An object on the paths: fields with a child node are read, the others skipped. pos is at '{'.
   * The hot loop of the decoder, so plain integers and whitespace are scanned inline, strings by string() (byte values written out:
   * 0x22 '"', 0x5c '\\', 0x3a ':', 0x2c ',', 0x7d '}', 0x2d '-', 0x30..0x39 digits, <= 0x20 possible whitespace).
   */
  private object(node: PathNode, buf: Uint8Array, pos: number, end: number): number {
    pos++
    if (pos < end && buf[pos] <= 0x20) pos = skipSpace(buf, pos, end)
    if (pos < end && buf[pos] === 0x7d) return pos + 1
    for (;;) {
      if (pos >= end || buf[pos] !== 0x22) this.fail(buf, pos, end, 'a field name in double quotes')
      const keyStart = ++pos
      let c = 0
      let child: PathNode | null = null
      // Fields usually come in the same order: try the expected one against the raw bytes first.
      const guess = node.hint
      if (guess < node.keys.length && node.rawKeys[guess]) {
        const key = node.keys[guess]
        const length = key.length
        if (keyStart + length < end && buf[keyStart + length] === 0x22) {
          let j = 0
          while (j < length && key[j] === buf[keyStart + j]) j++
          if (j === length) {
            child = node.children[guess]
            node.matched(guess)
            pos = keyStart + length + 1
          }
        }
      }
      if (child === null) {
        pos = this.string(buf, pos, end)
        const keyEnd = pos - 1
        child = this.escaped ? node.findName(this.keyText(buf, keyStart, keyEnd)) : node.find(buf, keyStart, keyEnd)
      }
      if (pos < end && buf[pos] <= 0x20) pos = skipSpace(buf, pos, end)
      if (pos >= end || buf[pos] !== 0x3a) this.fail(buf, pos, end, "':'")
      pos++
      if (pos < end && buf[pos] <= 0x20) pos = skipSpace(buf, pos, end)
      if (pos >= end) this.fail(buf, pos, end, 'a value')
      if (child !== null && child.children.length > 0) {
        pos = this.value(child, buf, pos, end)
      } else {
        const from = pos
        let kind: number
        let flags = 0
        let number = Number.NaN
        c = buf[pos]
        if (c === 0x22) {
          pos = this.string(buf, pos + 1, end)
          if (this.escaped) flags = FLAG_ESCAPED
          kind = KIND_STRING
        } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
          // '-'? int ('.' digits)?, with the value accumulated on the way; an exponent takes the full grammar
          let p = c === 0x2d ? pos + 1 : pos
          c = p < end ? buf[p] : -1
          let m = 0
          let digits = 1
          let fraction = 0
          if (c >= 0x31 && c <= 0x39) {
            m = c - 0x30
            while (++p < end && (c = buf[p]) >= 0x30 && c <= 0x39) {
              m = m * 10 + (c - 0x30)
              digits++
            }
          } else if (c === 0x30) {
            p++
          } else {
            this.fail(buf, p, end, 'a digit')
          }
          c = p < end ? buf[p] : -1
          if (c === 0x2e) {
            const fractionStart = ++p
            while (p < end && (c = buf[p]) >= 0x30 && c <= 0x39) {
              m = m * 10 + (c - 0x30)
              p++
            }
            fraction = p - fractionStart
            if (fraction === 0) this.fail(buf, p, end, 'a digit')
            digits += fraction
            c = p < end ? buf[p] : -1
          }
          if (c === 0x65 || c === 0x45) {
            pos = this.number(buf, pos, end)
            number = Number.NaN
          } else {
            pos = p
            flags = fraction === 0 ? FLAG_PLAIN_INTEGER : 0
            // at most 15 digits: exact digits divided by an exact power of ten round correctly
            number = digits > 15 ? Number.NaN : fraction === 0 ? m : m / POW10[fraction]
            if (buf[from] === 0x2d) number = -number
          }
          kind = KIND_NUMBER
        } else {
          kind = this.token(buf, pos, end)
          pos = this.tokenEnd
        }
        if (child !== null) this.record(child, kind, from, pos, flags, number)
      }
      if (pos < end && buf[pos] <= 0x20) pos = skipSpace(buf, pos, end)
      if (pos < end) {
        c = buf[pos]
        if (c === 0x2c) {
          pos++
          if (pos < end && buf[pos] <= 0x20) pos = skipSpace(buf, pos, end)
          continue
        }
        if (c === 0x7d) return pos + 1
      }
      this.fail(buf, pos, end, "',' or '}'")
    }
  }

  /** An array on the paths: elements whose index has a child node are read, the others skipped. pos is at '['. */
  private array(node: PathNode, buf: Uint8Array, pos: number, end: number): number {
    pos = skipSpace(buf, pos + 1, end)
    if (pos < end && buf[pos] === CLOSE_BRACKET) return pos + 1
    for (let index = 0; ; index++) {
      if (pos >= end) this.fail(buf, pos, end, 'a value')
      const child = node.findIndex(index)
      pos = skipSpace(buf, child === null ? this.skip(buf, pos, end) : this.value(child, buf, pos, end), end)
      if (pos < end) {
        const c = buf[pos]
        if (c === COMMA) {
          pos = skipSpace(buf, pos + 1, end)
          continue
        }
        if (c === CLOSE_BRACKET) return pos + 1
      }
      this.fail(buf, pos, end, "',' or ']'")
    }
  }

  /** Skips any value (pos < end). */
  private skip(buf: Uint8Array, pos: number, end: number): number {
    this.token(buf, pos, end)
    return this.tokenEnd
  }

  /** A field name written with escapes, as text. */
  private keyText(buf: Uint8Array, from: number, to: number): string {
    const n = unescapeString(buf, from, to, this.keyScratch)
    return this.keyScratch.bytes.toString('utf8', 0, n)
  }

}
