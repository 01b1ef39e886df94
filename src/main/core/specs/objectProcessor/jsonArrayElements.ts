import type { ColumnOut } from '../../api/objectProcessorSpec'
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, skipSpace } from '../json/jsonBytes'
import type { Converter } from '../json/jsonNested'
import { JsonSyntax } from '../json/jsonSyntax'
import type { Scratch } from '../json/scratch'
import { TEXT, stringContent } from '../json/tokenText'
import { FLAG_ESCAPED, FLAG_PLAIN_INTEGER, KIND_NULL, KIND_NUMBER, KIND_STRING } from '../json/valueKinds'
import type { DefaultWriter } from './jsonDefaults'

/** Accepts or rejects one array element by its kind and flags (FLAG_PLAIN_INTEGER for integer numbers). */
export type ElementCheck = (kind: number, flags: number) => boolean
/** Called per element of an array with its kind and bytes [s, e); returns a problem or null. */
export type ElementVisitor = (index: number, kind: number, s: number, e: number) => string | null

const UTF8 = new TextDecoder()

/** Walks the elements of arrays and the members of objects the scanner has already validated, without building anything. */
export class JsonArrayElements extends JsonSyntax {
  /** The index of the first element of the array buf[s..e) that `check` rejects, or -1. */
  firstRejected(buf: Uint8Array, s: number, e: number, check: ElementCheck): number {
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] === CLOSE_BRACKET) return -1
    for (let index = 0; ; index++) {
      const kind = this.token(buf, pos, e)
      if (!check(kind, this.flagsOf(kind))) return index
      pos = skipSpace(buf, this.tokenEnd, e)
      if (buf[pos] !== COMMA) return -1
      pos = skipSpace(buf, pos + 1, e)
    }
  }

  /** The number of elements of the array buf[s..e). */
  count(buf: Uint8Array, s: number, e: number): number {
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] === CLOSE_BRACKET) return 0
    for (let n = 1; ; n++) {
      this.token(buf, pos, e)
      pos = skipSpace(buf, this.tokenEnd, e)
      if (buf[pos] !== COMMA) return n
      pos = skipSpace(buf, pos + 1, e)
    }
  }

  /**
   * Appends the elements of the array buf[s..e) to the list column `w` through `convert` (null elements: the
   * element default, null, or a problem when not allowed), then ends the list. Returns the first problem or null.
   */
  appendList(w: ColumnOut, convert: Converter, allowNull: boolean, onNull: DefaultWriter | null, buf: Uint8Array, s: number, e: number, scratch: Scratch): string | null {
    const items = w.child(0)
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] !== CLOSE_BRACKET) {
      for (let index = 0; ; index++) {
        const kind = this.token(buf, pos, e)
        const end = this.tokenEnd
        if (kind === KIND_NULL) {
          if (!allowNull) return `element ${index} is null (allowNull is not set)`
          if (onNull === null) items.appendNull()
          else onNull(items)
        } else {
          const problem = convert(items, buf, kind, pos, end, this.flagsOf(kind), Number.NaN, scratch)
          if (problem !== null) return `element ${index}: ${problem}`
        }
        pos = skipSpace(buf, end, e)
        if (buf[pos] !== COMMA) break
        pos = skipSpace(buf, pos + 1, e)
      }
    }
    w.appendList()
    return null
  }

  /** Calls `visit` for each element of the array buf[s..e) until it returns a problem, which is returned. */
  forEach(buf: Uint8Array, s: number, e: number, visit: ElementVisitor): string | null {
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] === CLOSE_BRACKET) return null
    for (let index = 0; ; index++) {
      const kind = this.token(buf, pos, e)
      const end = this.tokenEnd
      const problem = visit(index, kind, pos, end)
      if (problem !== null) return problem
      pos = skipSpace(buf, end, e)
      if (buf[pos] !== COMMA) return null
      pos = skipSpace(buf, pos + 1, e)
    }
  }

  /** The first member name of the object buf[s..e) that is not in `known`, or null. */
  firstUnknownField(buf: Uint8Array, s: number, e: number, known: ReadonlySet<string>, scratch: Scratch): string | null {
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] === CLOSE_BRACE) return null
    for (;;) {
      this.token(buf, pos, e)
      const keyEnd = this.tokenEnd
      stringContent(buf, pos, keyEnd, this.escaped ? FLAG_ESCAPED : 0, scratch)
      const name = UTF8.decode(TEXT.bytes.subarray(TEXT.from, TEXT.to))
      if (!known.has(name)) return name
      pos = skipSpace(buf, skipSpace(buf, keyEnd, e) + 1, e) // past the ':'
      this.token(buf, pos, e)
      pos = skipSpace(buf, this.tokenEnd, e)
      if (buf[pos] !== COMMA) return null
      pos = skipSpace(buf, pos + 1, e)
    }
  }

  private flagsOf(kind: number): number {
    if (kind === KIND_NUMBER) return this.plainInteger ? FLAG_PLAIN_INTEGER : 0
    return kind === KIND_STRING && this.escaped ? FLAG_ESCAPED : 0
  }
}
