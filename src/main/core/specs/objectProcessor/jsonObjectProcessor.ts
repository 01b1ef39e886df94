import type { ColumnOut, ColumnSink } from '../../api/objectProcessorSpec'
import { appendText } from '../json/convertText'
import { JsonScanner } from '../json/jsonScanner'
import { buildPathTree } from '../json/pathTree'
import { Scratch } from '../json/scratch'
import { TEXT, describeToken, stringContent } from '../json/tokenText'
import { KIND_ARRAY, KIND_NULL, KIND_OBJECT, KIND_STRING } from '../json/valueKinds'
import { RecordDecodeError } from '../recordDecodeError'
import { JsonArrayElements } from './jsonArrayElements'
import { LEAF_JSON_ARRAY, LEAF_LIST, LEAF_SCALAR, type ContainerPlan, type LeafPlan, type Plan } from './jsonPlan'
import { expected } from './jsonScalars'

/** skip[] codes per column: written as null, or as the typed object's onMissing / onNull type. */
const SKIP_NULL = 1
const SKIP_TYPE_MISSING = 2
const SKIP_TYPE_NULL = 3

function containerExpected(c: ContainerPlan): string {
  return c.value?.kind === 'tuple' ? `an array of ${c.value.positions.length} values` : 'an object'
}

function leafExpected(leaf: LeafPlan): string {
  return leaf.value.kind === 'array' ? 'an array' : expected(leaf.value)
}

/**
 * Decodes JSON objects into columns with the JSON spec's scanner (json/jsonScanner.ts): one validating pass records
 * where every leaf and every container lies, then the containers' kinds are checked strictly (absent allowed ones
 * null their columns; typed objects pick their branch; unknown fields are looked for where not allowed) and each
 * leaf is converted straight from the bytes. With `element` set, each column gets one list element instead of a value
 * (the element objects of an array of objects).
 */
export class JsonObjectProcessor {
  private readonly scanner: JsonScanner
  private readonly skip: Uint8Array
  private readonly absent: Uint8Array
  private readonly scratch = new Scratch()
  private readonly elements = new JsonArrayElements()
  private readonly subReaders: (JsonObjectProcessor | null)[]
  private readonly columnNames: string[]

  constructor(private readonly plan: Plan) {
    const { leaves, containers } = plan
    const { root } = buildPathTree([...leaves.map((l) => l.path), ...containers.map((c) => c.path)])
    this.scanner = new JsonScanner(root, leaves.length + containers.length)
    this.skip = new Uint8Array(plan.columns.length)
    this.absent = new Uint8Array(containers.length)
    this.subReaders = leaves.map((l) => (l.element === null ? null : new JsonObjectProcessor(l.element)))
    this.columnNames = plan.columns.map((c) => c.name)
  }

  /** Writes one value (or, with `element`, one list element) to each of the columns base.. of `out`. */
  process(buf: Buffer, start: number, end: number, out: ColumnSink, base = 0, element = false): void {
    const scanner = this.scanner
    scanner.scan(buf, start, end)
    this.checkContainers(buf)
    const { kind, start: starts, end: ends, flags, numbers } = scanner
    const leaves = this.plan.leaves
    const skip = this.skip
    const scratch = this.scratch
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]
      const col = leaf.column
      const w = this.writer(out, base + col, element)
      const sk = skip[col]
      if (sk !== 0) {
        if (sk === SKIP_NULL) this.nulls(out, base + col, leaf.width, element)
        else w.appendString(this.typeDefault(leaf, sk))
        continue
      }
      const k = kind[i]
      const s = starts[i]
      const e = ends[i]
      if (k === 0 || k === KIND_NULL) {
        if (k === 0 ? !leaf.value.allowMissing : !leaf.value.allowNull) throw this.problem(leaf.label, leafExpected(leaf), buf, k, s, e, this.columnNames[col])
        const d = k === 0 ? leaf.onMissing : leaf.onNull
        if (d === null) this.nulls(out, base + col, leaf.width, element)
        else d(w)
        continue
      }
      let problem: string | null
      if (leaf.code === LEAF_SCALAR) {
        problem = (leaf.convert as NonNullable<LeafPlan['convert']>)(w, buf, k, s, e, flags[i], numbers[i], scratch)
      } else if (k !== KIND_ARRAY) {
        problem = `${describeToken(buf, k, s, e)} is not an array`
      } else if (leaf.code === LEAF_LIST) {
        problem = this.elements.appendList(w, leaf.convert as NonNullable<LeafPlan['convert']>, leaf.elementAllowNull, leaf.elementOnNull, buf, s, e, scratch)
      } else if (leaf.code === LEAF_JSON_ARRAY) {
        problem = this.jsonArray(leaf, w, buf, s, e)
      } else {
        problem = this.objectArray(leaf, this.subReaders[i] as JsonObjectProcessor, buf, s, e, out, base + col)
      }
      if (problem !== null) throw new RecordDecodeError(`${leaf.label}: ${problem}`, this.columnNames[col])
    }
  }

  private writer(out: ColumnSink, column: number, element: boolean): ColumnOut {
    return element ? out.column(column).child(0) : out.column(column)
  }

  private nulls(out: ColumnSink, first: number, width: number, element: boolean): void {
    for (let c = first; c < first + width; c++) this.writer(out, c, element).appendNull()
  }

  private typeDefault(leaf: LeafPlan, code: number): string {
    const typed = this.plan.containers[leaf.typedBy].value as { onMissing?: string; onNull?: string }
    return (code === SKIP_TYPE_MISSING ? typed.onMissing : typed.onNull) as string
  }

  /** Checks every container present (parents first) and marks the columns of absent ones in skip[]. */
  private checkContainers(buf: Buffer): void {
    const { kind, start: starts, end: ends } = this.scanner
    const containers = this.plan.containers
    const n = this.plan.leaves.length
    const skip = this.skip
    const absent = this.absent
    skip.fill(0)
    absent.fill(0)
    for (let j = 0; j < containers.length; j++) {
      const c = containers[j]
      if (c.parent >= 0 && absent[c.parent] !== 0) {
        absent[j] = 1
        continue
      }
      const value = c.value
      if (value === null) continue // a typed object's branch: its typed object decided
      const k = kind[n + j]
      const s = starts[n + j]
      const e = ends[n + j]
      if (k !== (value.kind === 'tuple' ? KIND_ARRAY : KIND_OBJECT)) {
        if (!((k === 0 && value.allowMissing) || (k === KIND_NULL && value.allowNull))) throw this.problem(c.label, containerExpected(c), buf, k, s, e, c.path.join('_'))
        absent[j] = 1
        skip.fill(SKIP_NULL, c.lo, c.hi)
        if (value.kind === 'typedObject' && (k === 0 ? value.onMissing : value.onNull) !== undefined) {
          skip[this.plan.leaves[c.typeLeaf].column] = k === 0 ? SKIP_TYPE_MISSING : SKIP_TYPE_NULL
        }
        continue
      }
      if (value.kind === 'tuple') {
        const count = this.elements.count(buf, s, e)
        if (count !== value.positions.length) throw new RecordDecodeError(`${c.label}: an array of ${count} is not a tuple of ${value.positions.length}`, c.path.join('_') || undefined)
      } else if (value.kind === 'typedObject') {
        this.chooseType(c, buf, s, e)
      } else if (c.known !== null) {
        this.checkKnown(c, c.known, buf, s, e)
      }
    }
  }

  private checkKnown(c: ContainerPlan, known: ReadonlySet<string>, buf: Buffer, s: number, e: number): void {
    const unknown = this.elements.firstUnknownField(buf, s, e, known, this.scratch)
    if (unknown !== null) throw new RecordDecodeError(`${c.label}: unknown field '${unknown}' (allowUnknownFields is false)`, c.path.join('_') || undefined)
  }

  /** Reads a typed object's type field, marks every other branch absent, and checks the chosen one. */
  private chooseType(c: ContainerPlan, buf: Buffer, s: number, e: number): void {
    const value = c.value as Extract<ContainerPlan['value'], { kind: 'typedObject' }>
    const { kind, start: starts, end: ends, flags } = this.scanner
    const t = c.typeLeaf
    const tk = kind[t]
    if (tk !== KIND_STRING) {
      const what = tk === 0 ? 'is missing' : `is ${describeToken(buf, tk, starts[t], ends[t])}, not a string`
      throw new RecordDecodeError(`${c.label}: the type field '${value.typeField}' ${what}`, c.path.join('_') || undefined)
    }
    stringContent(buf, starts[t], ends[t], flags[t], this.scratch)
    let chosen = -1
    for (let b = 0; b < c.branches.length; b++) if (chosen < 0 && sameBytes(c.branches[b].name, TEXT.bytes, TEXT.from, TEXT.to)) chosen = b
    const containers = this.plan.containers
    for (let b = 0; b < c.branches.length; b++) {
      if (b === chosen) continue
      const branch = containers[c.branches[b].container]
      this.absent[c.branches[b].container] = 1
      this.skip.fill(SKIP_NULL, branch.lo, branch.hi)
    }
    if (chosen < 0) {
      if (!value.allowUnknownTypes) {
        const known = Object.keys(value.objects).join(', ')
        throw new RecordDecodeError(`${c.label}: unknown type ${describeToken(buf, tk, starts[t], ends[t])} (known: ${known}; allowUnknownTypes is not set)`, c.path.join('_') || undefined)
      }
      this.skip.fill(SKIP_NULL, this.plan.leaves[t].column + 1, c.sharedHi)
      return
    }
    const branch = containers[c.branches[chosen].container]
    if (branch.known !== null) this.checkKnown(c, branch.known, buf, s, e)
  }

  /** An array of arrays, tuples or typed objects: its elements' JSON types are checked, the text kept compact. */
  private jsonArray(leaf: LeafPlan, w: ColumnOut, buf: Buffer, s: number, e: number): string | null {
    const element = (leaf.value as { element: { kind: string } }).element
    const want = element.kind === 'typedObject' ? KIND_OBJECT : KIND_ARRAY
    const bad = this.elements.firstRejected(buf, s, e, (kind) => (kind === KIND_NULL ? leaf.elementAllowNull : kind === want))
    if (bad >= 0) return `element ${bad} is not ${want === KIND_OBJECT ? 'an object' : 'an array'}`
    appendText(w, buf, KIND_ARRAY, s, e, 0, this.scratch)
    return null
  }

  /** An array of objects: each element object gives one element to each of the leaf's list columns. */
  private objectArray(leaf: LeafPlan, reader: JsonObjectProcessor, buf: Buffer, s: number, e: number, out: ColumnSink, first: number): string | null {
    const problem = this.elements.forEach(buf, s, e, (index, kind, es, ee) => {
      if (kind === KIND_NULL) {
        if (!leaf.elementAllowNull) return `element ${index} is null (allowNull is not set)`
        this.nulls(out, first, leaf.width, true)
        return null
      }
      if (kind !== KIND_OBJECT) return `element ${index}: ${describeToken(buf, kind, es, ee)} is not an object`
      try {
        reader.process(buf, es, ee, out, first, true)
      } catch (err) {
        if (err instanceof RecordDecodeError) return `element ${index}: ${err.message}`
        throw err
      }
      return null
    })
    if (problem !== null) return problem
    for (let c = first; c < first + leaf.width; c++) out.column(c).appendList()
    return null
  }

  private problem(label: string, wanted: string, buf: Buffer, k: number, s: number, e: number, field: string): RecordDecodeError {
    if (k === 0) return new RecordDecodeError(`${label} is missing (allowMissing is not set)`, field || undefined)
    if (k === KIND_NULL) return new RecordDecodeError(`${label} is null (allowNull is not set)`, field || undefined)
    return new RecordDecodeError(`${label}: ${describeToken(buf, k, s, e)} is not ${wanted}`, field || undefined)
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false
  return true
}
