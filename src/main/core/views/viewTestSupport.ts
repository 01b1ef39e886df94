/**
 * Helpers for the colocated *.test.ts: a seeded generator, random rows of every type, and a brute-force view (read
 * every row with getValue, filter and sort with plain JS) that the engine's view must match.
 */
import { Buffer } from 'node:buffer'
import { LiveTable, type TableTypeSpec } from '../engine/liveTable'
import type { ColumnWriter } from '../engine/columnWriter'
import { ALL_TYPES, addRows } from '../engine/testSupport'
import type { ColumnDef } from '../types'
import type { CellValue, ColumnFilter, SortKey, ViewSpec } from './viewTypes'

export { ALL_TYPES, rng } from '../engine/testSupport'

export const INT64_EXTREMES = [-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n, 1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 32n, -(2n ** 32n), 4294967295n]
const FLOAT_SPECIALS = [NaN, -0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE, 1.5, -1.5]
const WORDS = ['apple', 'Apple', 'APPLE pie', 'banana', 'Bananas', 'cherry', '', 'zebra', 'Äpfel', 'straße', '日本', 'emoji 😀', 'a', 'ab']

export type Pick = <T>(xs: readonly T[]) => T

export function picker(random: () => number): Pick {
  return (xs) => xs[Math.floor(random() * xs.length)]
}

/** Writes one random value of the column's type (nulls included) with the writer of column j. */
export function writeRandom(table: LiveTable, j: number, random: () => number, options: { nulls?: number; uniqueStrings?: boolean } = {}): void {
  const w = table.writers[j]
  const pick = picker(random)
  if (random() < (options.nulls ?? 0.1)) {
    w.appendNull()
    return
  }
  const small = (): number => Math.floor(random() * 21) - 10 // many ties
  switch (w.type) {
    case 'int16':
      w.appendNumber(random() < 0.1 ? pick([-32768, 32767]) : small())
      return
    case 'int32':
      w.appendNumber(random() < 0.1 ? pick([-(2 ** 31), 2 ** 31 - 1]) : small() * 1000)
      return
    case 'int64':
    case 'timestamp':
      if (random() < 0.3) w.appendBigInt(pick(INT64_EXTREMES))
      else w.appendBigInt(BigInt(small()) * 1_000_000_000n + BigInt(Math.floor(random() * 3)))
      return
    case 'float32':
    case 'float64':
      w.appendNumber(random() < 0.2 ? pick(FLOAT_SPECIALS) : small() / 4)
      return
    case 'bool':
      w.appendBool(random() < 0.5)
      return
    case 'string':
      w.appendString(options.uniqueStrings === true ? `u${Math.floor(random() * 1e9).toString(36)}` : pick(WORDS))
      return
    case 'bytes': {
      const bytes = new Uint8Array(Math.floor(random() * 4))
      for (let k = 0; k < bytes.length; k++) bytes[k] = pick([0, 1, 127, 128, 255])
      w.appendUtf8(bytes, 0, bytes.length)
      return
    }
  }
}

/** A table of the given columns and type. */
export function makeTable(tableType: TableTypeSpec, columns: ColumnDef[] = ALL_TYPES): LiveTable {
  return new LiveTable(columns, tableType)
}

/** Appends `count` random rows (not flushed). */
export function addRandomRows(table: LiveTable, count: number, random: () => number, options: { nulls?: number; uniqueStrings?: boolean } = {}): void {
  addRows(table, count, () => {
    for (let j = 0; j < table.columns.length; j++) writeRandom(table, j, random, options)
  })
}

function bound(x: number | string): number | bigint {
  return typeof x === 'string' ? BigInt(x) : x
}

function passes(value: unknown, filter: ColumnFilter): boolean {
  switch (filter.kind) {
    case 'null':
      return value === null
    case 'notNull':
      return value !== null
    case 'contains':
      return typeof value === 'string' && value.toLowerCase().includes(filter.value.toLowerCase())
    case 'equals':
      return value === filter.value
    case 'range':
    case 'timeRange': {
      if (value === null || Number.isNaN(value)) return false // NaN never matches a range, even an open one
      const v = value as number | bigint
      if (filter.min !== undefined && !(v >= bound(filter.min))) return false
      if (filter.max !== undefined && !(v <= bound(filter.max))) return false
      return true
    }
  }
}

function compareValues(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') {
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1
    return x < y ? -1 : x > y ? 1 : 0
  }
  if (x instanceof Uint8Array && y instanceof Uint8Array) return Buffer.compare(Buffer.from(x), Buffer.from(y))
  if (typeof x === 'boolean') return Number(x) - Number(y)
  return (x as string | bigint) < (y as string | bigint) ? -1 : (x as string | bigint) > (y as string | bigint) ? 1 : 0
}

/** The arrival indexes of the view's rows, in order, computed the slow and obvious way. */
export function bruteForce(table: LiveTable, spec: ViewSpec): number[] {
  const index = new Map(table.columns.map((c, j) => [c.name, j]))
  const keys: number[] = []
  for (let p = 0; p < table.size; p++) {
    if (spec.filters.every((f) => passes(table.getValue(index.get(f.column) as number, p), f))) keys.push(table.firstRowKey + p)
  }
  const sortKeys: (SortKey & { j: number })[] = spec.sort.map((s) => ({ ...s, j: index.get(s.column) as number }))
  const value = (key: number, j: number): unknown => table.getValue(j, key - table.firstRowKey)
  return keys.sort((a, b) => {
    for (const s of sortKeys) {
      const x = value(a, s.j)
      const y = value(b, s.j)
      if (x === null || y === null) {
        if (x === y) continue
        const nullFirst = s.nulls === 'first'
        return (x === null) === nullFirst ? -1 : 1
      }
      const d = compareValues(x, y)
      if (d !== 0) return s.direction === 'desc' ? -d : d
    }
    return a - b
  })
}

/** The JSON-safe cell for a getValue result, per the ViewportData contract, computed independently. */
export function expectedCell(value: unknown): CellValue {
  if (value === null) return null
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN'
    if (value === Infinity) return 'Infinity'
    if (value === -Infinity) return '-Infinity'
    return value === 0 ? 0 : value
  }
  return value as string | boolean
}

/** A random spec that fits the columns: 0-3 sort keys, 0-3 filters, sometimes a projection. */
export function randomSpec(columns: readonly ColumnDef[], random: () => number): ViewSpec {
  const pick = picker(random)
  const shuffled = [...columns].sort(() => random() - 0.5)
  const sort: SortKey[] = shuffled.slice(0, Math.floor(random() * 4)).map((c) => {
    const key: SortKey = { column: c.name, direction: random() < 0.5 ? 'asc' : 'desc' }
    if (random() < 0.6) key.nulls = random() < 0.5 ? 'first' : 'last'
    return key
  })
  const filters: ColumnFilter[] = []
  const count = Math.floor(random() * 4)
  for (let k = 0; k < count; k++) {
    const c = pick(columns)
    const roll = random()
    if (roll < 0.15) {
      filters.push({ column: c.name, kind: random() < 0.5 ? 'null' : 'notNull' })
      continue
    }
    switch (c.type) {
      case 'string':
        if (random() < 0.5) filters.push({ column: c.name, kind: 'contains', value: pick(['a', 'AN', 'pie', 'ß', '', 'x', 'u1']) })
        else filters.push({ column: c.name, kind: 'equals', value: pick(WORDS) })
        break
      case 'bool':
        filters.push({ column: c.name, kind: 'equals', value: random() < 0.5 })
        break
      case 'int64':
      case 'timestamp': {
        const a = BigInt(Math.floor(random() * 21) - 10) * 1_000_000_000n
        const b = a + BigInt(Math.floor(random() * 8)) * 1_000_000_000n
        const kind = c.type === 'int64' ? 'range' : 'timeRange'
        if (random() < 0.2) filters.push({ column: c.name, kind, min: '-9223372036854775808', max: String(b) })
        else if (random() < 0.3) filters.push({ column: c.name, kind, min: Number(a) })
        else filters.push({ column: c.name, kind, min: String(a), max: String(b) })
        break
      }
      case 'bytes':
        filters.push({ column: c.name, kind: 'notNull' })
        break
      default: {
        const a = (Math.floor(random() * 21) - 10) / 2
        if (random() < 0.3) filters.push({ column: c.name, kind: 'range', max: a })
        else filters.push({ column: c.name, kind: 'range', min: a, max: a + Math.floor(random() * 10) })
      }
    }
  }
  const spec: ViewSpec = { sort, filters }
  if (random() < 0.3) spec.columns = shuffled.slice(0, 1 + Math.floor(random() * columns.length)).map((c) => c.name)
  return spec
}

/** An append table holding the given rows (values by column: null, number, bigint, string, boolean or Uint8Array), flushed. */
export function tableOf(columns: ColumnDef[], rows: unknown[][], tableType: TableTypeSpec = { kind: 'append' }): LiveTable {
  const table = new LiveTable(columns, tableType)
  appendRows(table, rows)
  table.flush()
  return table
}

/** Appends the given rows (not flushed). */
export function appendRows(table: LiveTable, rows: unknown[][]): void {
  addRows(table, rows.length, (writers, r) => {
    rows[r].forEach((v, j) => writeValue(writers[j], v))
  })
}

/** Writes one value: a list as an array of its elements, a map as an object. */
function writeValue(w: ColumnWriter, v: unknown): void {
  if (v === null) w.appendNull()
  else if (typeof v === 'bigint') w.appendBigInt(v)
  else if (typeof v === 'number') w.appendNumber(v)
  else if (typeof v === 'boolean') w.appendBool(v)
  else if (typeof v === 'string') w.appendString(v)
  else if (v instanceof Uint8Array) w.appendUtf8(v, 0, v.length)
  else if (Array.isArray(v)) {
    for (const item of v) writeValue(w.child(0), item)
    w.appendList()
  } else if (typeof v === 'object' && v !== null) {
    for (const [key, item] of Object.entries(v)) {
      w.child(0).appendString(key)
      writeValue(w.child(1), item)
    }
    w.appendList()
  } else throw new TypeError(`tableOf: cannot write ${String(v)}`)
}
