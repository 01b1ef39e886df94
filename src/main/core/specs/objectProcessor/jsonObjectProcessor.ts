import type { ColumnOut, ColumnSink } from '../../api/objectProcessorSpec'
import { appendFloat, appendInt64 } from '../json/convertNumbers'
import { appendBoolean, appendText } from '../json/convertText'
import { type Converter, JsonNested } from '../json/jsonNested'
import { ISO_NO_ZONE, ISO_OK, ISO_OUT_OF_RANGE, ISO_UNKNOWN_ZONE, parseIsoInstant } from '../json/isoInstant'
import { JsonScanner } from '../json/jsonScanner'
import { NUM, numToWords, readNumber } from '../json/numberText'
import { buildPathTree } from '../json/pathTree'
import { Scratch } from '../json/scratch'
import { TEXT, describeToken, stringContent } from '../json/tokenText'
import { FLAG_PLAIN_INTEGER, KIND_ARRAY, KIND_FALSE, KIND_NULL, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from '../json/valueKinds'
import { WORDS, fitsInt64, toSigned } from '../json/wordArithmetic'
import { RecordDecodeError } from '../recordDecodeError'
import { JsonArrayElements, type ElementCheck } from './jsonArrayElements'
import type { JsonObjectValue, JsonValue } from './jsonValues'

/** One output column: the field path it reads and its value type. */
export interface LeafPlan {
  readonly path: readonly string[]
  readonly value: Exclude<JsonValue, JsonObjectValue>
  readonly label: string
}
/** One object value (the root included): its path and the columns [lo, hi) of its fields. */
export interface ObjectPlan {
  readonly path: readonly string[]
  readonly lo: number
  hi: number
  readonly value: JsonObjectValue
  readonly label: string
}

const LONG = 0
const DOUBLE = 1
const STRING = 2
const BOOL = 3
const INSTANT_ISO = 4
const INSTANT_NUMBER = 5
const ARRAY = 6
const LIST = 7

/** List element converters by element kind (the element kinds are checked before): arrays of other kinds are JSON text. */
const ELEMENT: Partial<Record<JsonValue['kind'], Converter>> = {
  long: appendInt64,
  double: appendFloat,
  string: (w, buf, k, s, e, f, _n, scratch) => appendText(w, buf, k, s, e, f, scratch),
  bool: (w, buf, k, s, e, f, _n, scratch) => appendBoolean(w, buf, k, s, e, f, scratch)
}

/** Digits to append to an epoch integer of each unit to get nanoseconds. */
const SHIFT = { s: 9, ms: 6, us: 3, ns: 0 } as const

function codeOf(value: Exclude<JsonValue, JsonObjectValue>): number {
  switch (value.kind) {
    case 'long':
      return LONG
    case 'double':
      return DOUBLE
    case 'string':
      return STRING
    case 'bool':
      return BOOL
    case 'instant':
      return value.numberFormat === undefined ? INSTANT_ISO : INSTANT_NUMBER
    default:
      return ELEMENT[value.element.kind] === undefined ? ARRAY : LIST
  }
}

/** Whether a value of the given kind and flags (not null, not missing) has the JSON type `value` wants. */
function kindFits(value: JsonValue, kind: number, flags: number): boolean {
  switch (value.kind) {
    case 'long':
      return kind === KIND_NUMBER && (flags & FLAG_PLAIN_INTEGER) !== 0
    case 'double':
      return kind === KIND_NUMBER
    case 'string':
      return kind === KIND_STRING
    case 'bool':
      return kind === KIND_TRUE || kind === KIND_FALSE
    case 'instant':
      return value.numberFormat === undefined ? kind === KIND_STRING : kind === KIND_NUMBER && (flags & FLAG_PLAIN_INTEGER) !== 0
    case 'object':
      return kind === KIND_OBJECT
    default:
      return kind === KIND_ARRAY
  }
}

function elementCheck(element: JsonValue): ElementCheck {
  return (kind, flags) => (kind === KIND_NULL ? element.allowNull : kindFits(element, kind, flags))
}

function expected(value: JsonValue): string {
  switch (value.kind) {
    case 'long':
      return 'an integer'
    case 'double':
      return 'a number'
    case 'string':
      return 'a string'
    case 'bool':
      return 'true or false'
    case 'instant':
      return value.numberFormat === undefined ? 'an ISO-8601 string' : `an integer (epoch ${value.numberFormat})`
    case 'object':
      return 'an object'
    default:
      return 'an array'
  }
}

/**
 * Decodes JSON objects into columns with the JSON spec's scanner (json/jsonScanner.ts): one validating pass records
 * where every field and every nested object lies, then the objects' and fields' kinds are checked strictly and each
 * value is converted straight from the bytes.
 */
export class JsonObjectProcessor {
  private readonly scanner: JsonScanner
  private readonly codes: Uint8Array
  private readonly shifts: Uint8Array
  private readonly checks: (ElementCheck | null)[]
  private readonly skip: Uint8Array
  private readonly scratch = new Scratch()
  private readonly elements = new JsonArrayElements()
  private readonly nested = new JsonNested()

  constructor(
    private readonly leaves: readonly LeafPlan[],
    private readonly objects: readonly ObjectPlan[]
  ) {
    const { root } = buildPathTree([...leaves.map((l) => l.path), ...objects.map((o) => o.path)])
    this.scanner = new JsonScanner(root, leaves.length + objects.length)
    this.codes = Uint8Array.from(leaves, (l) => codeOf(l.value))
    this.shifts = Uint8Array.from(leaves, (l) => (l.value.kind === 'instant' && l.value.numberFormat !== undefined ? SHIFT[l.value.numberFormat] : 0))
    this.checks = leaves.map((l) => (l.value.kind === 'array' ? elementCheck(l.value.element) : null))
    this.skip = new Uint8Array(leaves.length)
  }

  process(buf: Buffer, start: number, end: number, out: ColumnSink): void {
    const scanner = this.scanner
    scanner.scan(buf, start, end)
    const { kind, start: starts, end: ends, flags, numbers } = scanner
    const n = this.leaves.length
    const skip = this.skip
    skip.fill(0)
    const objects = this.objects
    for (let j = 0; j < objects.length; j++) {
      const o = objects[j]
      if (skip[o.lo] !== 0) continue // an enclosing object is absent
      const k = kind[n + j]
      if (k === KIND_OBJECT) continue
      if ((k === 0 && o.value.allowMissing) || (k === KIND_NULL && o.value.allowNull)) skip.fill(1, o.lo, o.hi)
      else throw this.problem(o.label, o.value, buf, k, starts[n + j], ends[n + j], o.path.join('_'))
    }
    const codes = this.codes
    const scratch = this.scratch
    for (let i = 0; i < n; i++) {
      const w = out.column(i)
      const k = kind[i]
      if (skip[i] !== 0) {
        w.appendNull()
        continue
      }
      const leaf = this.leaves[i]
      const s = starts[i]
      const e = ends[i]
      const f = flags[i]
      if (k === 0 || k === KIND_NULL || !kindFits(leaf.value, k, f)) {
        if ((k === 0 && leaf.value.allowMissing) || (k === KIND_NULL && leaf.value.allowNull)) {
          w.appendNull()
          continue
        }
        throw this.problem(leaf.label, leaf.value, buf, k, s, e, leaf.path.join('_'))
      }
      let problem: string | null = null
      switch (codes[i]) {
        case LONG:
          problem = appendInt64(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case DOUBLE:
          problem = appendFloat(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case STRING:
          appendText(w, buf, k, s, e, f, scratch)
          break
        case BOOL:
          w.appendBool(k === KIND_TRUE)
          break
        case INSTANT_ISO:
          problem = appendIsoInstant(w, buf, s, e, f, scratch)
          break
        case INSTANT_NUMBER:
          problem = appendEpochInteger(w, buf, s, e, this.shifts[i])
          break
        default: {
          const element = (leaf.value as { element: JsonValue }).element
          const bad = this.elements.firstRejected(buf, s, e, this.checks[i] as ElementCheck)
          if (bad >= 0) problem = `element ${bad} is not ${expected(element)}`
          else if (codes[i] === LIST) problem = this.nested.appendList(w, ELEMENT[element.kind] as Converter, buf, k, s, e, scratch)
          else appendText(w, buf, k, s, e, f, scratch)
        }
      }
      if (problem !== null) throw new RecordDecodeError(`${leaf.label}: ${problem}`, leaf.path.join('_'))
    }
  }

  private problem(label: string, value: JsonValue, buf: Buffer, k: number, s: number, e: number, field: string): RecordDecodeError {
    if (k === 0) return new RecordDecodeError(`${label} is missing (allowMissing is not set)`, field || undefined)
    if (k === KIND_NULL) return new RecordDecodeError(`${label} is null (allowNull is not set)`, field || undefined)
    return new RecordDecodeError(`${label}: ${describeToken(buf, k, s, e)} is not ${expected(value)}`, field || undefined)
  }
}

function appendIsoInstant(w: ColumnOut, buf: Buffer, s: number, e: number, f: number, scratch: Scratch): string | null {
  stringContent(buf, s, e, f, scratch)
  const status = parseIsoInstant(TEXT.bytes, TEXT.from, TEXT.to)
  if (status === ISO_OK) {
    w.appendInt64(WORDS.hi, WORDS.lo)
    return null
  }
  const text = describeToken(buf, KIND_STRING, s, e)
  if (status === ISO_OUT_OF_RANGE) return `${text} is outside the timestamp range (years 1677 to 2262)`
  if (status === ISO_NO_ZONE) return `${text} has no time zone`
  if (status === ISO_UNKNOWN_ZONE) return `${text} names an unknown time zone`
  return `${text} is not an ISO-8601 instant`
}

/** An integer token as epoch (unit 10^-9+shift s) to nanoseconds, exactly. */
function appendEpochInteger(w: ColumnOut, buf: Buffer, s: number, e: number, shift: number): string | null {
  readNumber(buf, s, e, false)
  if (!numToWords(shift) || !fitsInt64(NUM.negative)) return `${describeToken(buf, KIND_NUMBER, s, e)} is outside the timestamp range (years 1677 to 2262)`
  toSigned(NUM.negative)
  w.appendInt64(WORDS.hi, WORDS.lo)
  return null
}
