import type { JsonSpec } from '../../api/keyValueSpec'
import type { ColumnWriter } from '../../engine/columnWriter'
import { type ColumnDef, type ColumnType, type ScalarType, columnShape } from '../../types'
import type { PartDecoder } from '../partDecoder'
import { appendDate, appendDuration } from './convertCalendar'
import { appendDecimal } from './convertDecimal'
import { appendBase64, appendBoolean, appendText } from './convertText'
import { appendFloat, appendInt64, appendSmallInt } from './convertNumbers'
import { appendTimestamp } from './convertTimestamp'
import type { FieldErrorReporter } from './fieldErrors'
import { pointerOf } from './jsonPointer'
import { type Converter, JsonNested } from './jsonNested'
import { JsonScanner } from './jsonScanner'
import { normalizeJsonColumns, normalizeJsonMapping, planJsonColumns, type JsonColumnPlan } from './jsonSpecCheck'
import { buildPathTree } from './pathTree'
import { Scratch } from './scratch'
import { KIND_NULL } from './valueKinds'

export type { FieldErrorReporter } from './fieldErrors'

/** A PartDecoder that can also report field errors (values present but not convertible; the column gets null). */
export interface JsonDecoder extends PartDecoder {
  decode(buf: Buffer | null, start: number, end: number, writers: readonly ColumnWriter[], first: number, onFieldError?: FieldErrorReporter): void
}

const STRING = 0
const INT16 = 1
const INT32 = 2
const INT64 = 3
const FLOAT = 4
const BOOL = 5
const BYTES = 6
const TIMESTAMP = 7
const DATE = 8
const DURATION = 9
const DECIMAL = 10
const LIST = 11
const MAP = 12

const TYPE_CODE: Record<ScalarType, number> = {
  string: STRING,
  int16: INT16,
  int32: INT32,
  int64: INT64,
  float32: FLOAT,
  float64: FLOAT,
  bool: BOOL,
  bytes: BYTES,
  timestamp: TIMESTAMP,
  date: DATE,
  duration: DURATION,
  decimal: DECIMAL
}

const CONVERTERS: Record<ScalarType, Converter> = {
  string: (w, buf, k, s, e, f, _n, scratch) => appendText(w, buf, k, s, e, f, scratch),
  int16: (w, buf, k, s, e, f, n, scratch) => appendSmallInt(w, buf, k, s, e, f, n, scratch, -32768, 32767),
  int32: (w, buf, k, s, e, f, n, scratch) => appendSmallInt(w, buf, k, s, e, f, n, scratch, -2147483648, 2147483647),
  int64: appendInt64,
  float32: appendFloat,
  float64: appendFloat,
  bool: (w, buf, k, s, e, f, _n, scratch) => appendBoolean(w, buf, k, s, e, f, scratch),
  bytes: (w, buf, k, s, e, f, _n, scratch) => appendBase64(w, buf, k, s, e, f, scratch),
  timestamp: appendTimestamp,
  date: appendDate,
  duration: appendDuration,
  decimal: appendDecimal
}

function typeCode(type: ColumnType): number {
  const shape = columnShape(type)
  if (shape === null) throw new TypeError(`unknown column type ${String(type)}`)
  return shape.kind === 'list' ? LIST : shape.kind === 'map' ? MAP : TYPE_CODE[shape.element]
}

/**
 * Decodes JSON text into the spec's columns (see README.md): one validating pass over the bytes records where each
 * column's value lies, then each value is converted straight from the bytes into its column. No object is built
 * per record. Throws a TypeError for an invalid spec.
 */
export function createJsonDecoder(spec: JsonSpec): JsonDecoder {
  return new JsonPartDecoder(planJsonColumns(normalizeJsonColumns(spec.columns), normalizeJsonMapping(spec.mapping)))
}

class JsonPartDecoder implements JsonDecoder {
  readonly columns: readonly ColumnDef[]
  private readonly scanner: JsonScanner
  private readonly types: Uint8Array
  private readonly names: string[]
  private readonly pointers: string[]
  private readonly scratch = new Scratch()
  /** The element converter of list and map columns (null for the others). */
  private readonly elements: (Converter | null)[]
  private readonly nested = new JsonNested()
  /** Field errors of the record being decoded: column indexes and reasons. */
  private readonly errorColumns: number[] = []
  private readonly errorReasons: string[] = []

  constructor(plans: readonly JsonColumnPlan[]) {
    this.columns = plans.map((p) => ({ name: p.name, type: p.type }))
    const { root } = buildPathTree(plans.map((p) => p.path))
    this.scanner = new JsonScanner(root, plans.length)
    this.types = Uint8Array.from(plans, (p) => typeCode(p.type))
    this.elements = plans.map((p) => {
      const shape = columnShape(p.type)
      return shape === null || shape.kind === 'scalar' ? null : CONVERTERS[shape.element]
    })
    this.names = plans.map((p) => p.name)
    this.pointers = plans.map((p) => (p.pointer === pointerOf([p.name]) ? '' : p.pointer))
  }

  decode(buf: Buffer | null, start: number, end: number, writers: readonly ColumnWriter[], first: number, onFieldError?: FieldErrorReporter): void {
    const types = this.types
    const n = types.length
    if (buf === null) {
      for (let i = 0; i < n; i++) writers[first + i].appendNull()
      return
    }
    const scanner = this.scanner
    scanner.scan(buf, start, end)
    const { kind, start: starts, end: ends, flags, numbers } = scanner
    const scratch = this.scratch
    for (let i = 0; i < n; i++) {
      const w = writers[first + i]
      const k = kind[i]
      if (k === 0 || k === KIND_NULL) {
        w.appendNull()
        continue
      }
      const s = starts[i]
      const e = ends[i]
      const f = flags[i]
      let problem: string | null
      switch (types[i]) {
        case STRING:
          problem = appendText(w, buf, k, s, e, f, scratch)
          break
        case INT32:
          problem = appendSmallInt(w, buf, k, s, e, f, numbers[i], scratch, -2147483648, 2147483647)
          break
        case INT64:
          problem = appendInt64(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case FLOAT:
          problem = appendFloat(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case TIMESTAMP:
          problem = appendTimestamp(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case BOOL:
          problem = appendBoolean(w, buf, k, s, e, f, scratch)
          break
        case INT16:
          problem = appendSmallInt(w, buf, k, s, e, f, numbers[i], scratch, -32768, 32767)
          break
        case BYTES:
          problem = appendBase64(w, buf, k, s, e, f, scratch)
          break
        case DATE:
          problem = appendDate(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case DURATION:
          problem = appendDuration(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case DECIMAL:
          problem = appendDecimal(w, buf, k, s, e, f, numbers[i], scratch)
          break
        case LIST:
          problem = this.nested.appendList(w, this.elements[i] as Converter, buf, k, s, e, scratch)
          break
        default:
          problem = this.nested.appendMap(w, this.elements[i] as Converter, buf, k, s, e, scratch)
      }
      if (problem !== null) {
        w.appendNull()
        this.errorColumns.push(i)
        this.errorReasons.push(problem)
      }
    }
    if (this.errorColumns.length > 0) this.reportFieldErrors(onFieldError)
  }

  private reportFieldErrors(onFieldError: FieldErrorReporter | undefined): void {
    const columns = this.errorColumns.splice(0)
    const reasons = this.errorReasons.splice(0)
    if (onFieldError === undefined) return
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k]
      const at = this.pointers[i]
      onFieldError(this.names[i], at === '' ? reasons[k] : `${at}: ${reasons[k]}`)
    }
  }
}
