import type { ColumnWriter } from '../../engine/columnWriter'
import { appendText } from './convertText'
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, skipSpace } from './jsonBytes'
import { JsonSyntax } from './jsonSyntax'
import type { Scratch } from './scratch'
import { describeToken } from './tokenText'
import { FLAG_ESCAPED, FLAG_PLAIN_INTEGER, KIND_ARRAY, KIND_NULL, KIND_NUMBER, KIND_OBJECT } from './valueKinds'

/** A converter of convert*.ts: appends one value or returns why it cannot (having appended nothing). */
export type Converter = (w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, number: number, scratch: Scratch) => string | null

/**
 * list<T> columns from a JSON array and map<string,T> columns from a JSON object (validated by the scanner already):
 * each element or member value goes through T's converter into the column's child, JSON null as a null element.
 * An element that does not convert makes the whole value a field error (the caller's appendNull drops the elements).
 */
export class JsonNested extends JsonSyntax {
  appendList(w: ColumnWriter, convert: Converter, buf: Uint8Array, kind: number, s: number, e: number, scratch: Scratch): string | null {
    if (kind !== KIND_ARRAY) return `${describeToken(buf, kind, s, e)} is not an array`
    const items = w.child(0)
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] !== CLOSE_BRACKET) {
      for (let index = 0; ; index++) {
        const problem = this.element(items, convert, buf, pos, e, scratch)
        if (problem !== null) return `[${index}]: ${problem}`
        pos = skipSpace(buf, this.tokenEnd, e)
        if (buf[pos] !== COMMA) break
        pos = skipSpace(buf, pos + 1, e)
      }
    }
    w.appendList()
    return null
  }

  appendMap(w: ColumnWriter, convert: Converter, buf: Uint8Array, kind: number, s: number, e: number, scratch: Scratch): string | null {
    if (kind !== KIND_OBJECT) return `${describeToken(buf, kind, s, e)} is not an object`
    const keys = w.child(0)
    const values = w.child(1)
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] !== CLOSE_BRACE) {
      for (;;) {
        const keyStart = pos
        const keyKind = this.token(buf, pos, e)
        const keyEnd = this.tokenEnd
        appendText(keys, buf, keyKind, keyStart, keyEnd, this.escaped ? FLAG_ESCAPED : 0, scratch)
        pos = skipSpace(buf, skipSpace(buf, keyEnd, e) + 1, e) // past the ':'
        const problem = this.element(values, convert, buf, pos, e, scratch)
        if (problem !== null) return `${describeToken(buf, keyKind, keyStart, keyEnd)}: ${problem}`
        pos = skipSpace(buf, this.tokenEnd, e)
        if (buf[pos] !== COMMA) break
        pos = skipSpace(buf, pos + 1, e)
      }
    }
    w.appendList()
    return null
  }

  private element(w: ColumnWriter, convert: Converter, buf: Uint8Array, pos: number, e: number, scratch: Scratch): string | null {
    const kind = this.token(buf, pos, e)
    if (kind === KIND_NULL) {
      w.appendNull()
      return null
    }
    const flags = kind === KIND_NUMBER ? (this.plainInteger ? FLAG_PLAIN_INTEGER : 0) : this.escaped ? FLAG_ESCAPED : 0
    return convert(w, buf, kind, pos, this.tokenEnd, flags, Number.NaN, scratch)
  }
}
