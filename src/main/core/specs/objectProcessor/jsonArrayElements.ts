import { CLOSE_BRACKET, COMMA, skipSpace } from '../json/jsonBytes'
import { JsonSyntax } from '../json/jsonSyntax'
import { FLAG_PLAIN_INTEGER, KIND_NUMBER } from '../json/valueKinds'

/** Accepts or rejects one array element by its kind and flags (FLAG_PLAIN_INTEGER for integer numbers). */
export type ElementCheck = (kind: number, flags: number) => boolean

/** Walks the elements of an array the scanner has already validated, without building anything. */
export class JsonArrayElements extends JsonSyntax {
  /** The index of the first element of the array buf[s..e) that `check` rejects, or -1. */
  firstRejected(buf: Uint8Array, s: number, e: number, check: ElementCheck): number {
    let pos = skipSpace(buf, s + 1, e)
    if (buf[pos] === CLOSE_BRACKET) return -1
    for (let index = 0; ; index++) {
      const kind = this.token(buf, pos, e)
      if (!check(kind, kind === KIND_NUMBER && this.plainInteger ? FLAG_PLAIN_INTEGER : 0)) return index
      pos = skipSpace(buf, this.tokenEnd, e)
      if (buf[pos] !== COMMA) return -1
      pos = skipSpace(buf, pos + 1, e)
    }
  }
}
