import type { ColumnType } from '../../../../shared/model/columns'
import type { ColumnFilterDto } from '../../../../shared/model/views'
import { isNumericType, type TimeZoneMode } from './formatCell'

// What the filter row holds per column (text as typed), and how it becomes a view filter for the engine.

export type FilterMode = 'any' | 'contains' | 'equals' | 'range' | 'timeRange' | 'true' | 'false' | 'null' | 'notNull'

export interface FilterDraft {
  readonly mode: FilterMode
  /** contains / equals */
  readonly text: string
  /** range / timeRange bounds, as typed */
  readonly min: string
  readonly max: string
}

export interface FilterModeOption {
  readonly value: FilterMode
  readonly label: string
}

/** No filter: the default of types whose other modes filter without input. */
const ANY: FilterModeOption = { value: 'any', label: 'any' }

const NULL_MODES: FilterModeOption[] = [
  { value: 'null', label: 'is null' },
  { value: 'notNull', label: 'not null' }
]

/** The filter kinds a column type offers, the default first. */
export function filterModes(type: ColumnType): readonly FilterModeOption[] {
  if (type === 'string') return [{ value: 'contains', label: 'contains' }, { value: 'equals', label: 'equals' }, ...NULL_MODES]
  if (type.startsWith('list<') || type.startsWith('map<')) return [{ value: 'contains', label: 'contains' }, ...NULL_MODES]
  if (isNumericType(type) || type === 'date' || type === 'duration') return [{ value: 'range', label: 'range' }, ...NULL_MODES]
  if (type === 'timestamp') return [{ value: 'timeRange', label: 'time' }, ...NULL_MODES]
  if (type === 'bool') return [ANY, { value: 'true', label: 'true' }, { value: 'false', label: 'false' }, ...NULL_MODES]
  return [ANY, ...NULL_MODES]
}

export function emptyDraft(type: ColumnType): FilterDraft {
  return { mode: filterModes(type)[0].value, text: '', min: '', max: '' }
}

/** Modes that take no typed value (the filter cell shows a label instead of inputs). */
export function needsNoInput(mode: FilterMode): boolean {
  return mode === 'any' || mode === 'null' || mode === 'notNull' || mode === 'true' || mode === 'false'
}

/** The draft filters nothing (no need to keep it). */
export function isEmptyDraft(draft: FilterDraft): boolean {
  if (draft.mode === 'any') return true
  if (needsNoInput(draft.mode)) return false
  return draft.text === '' && draft.min.trim() === '' && draft.max.trim() === ''
}

export interface DraftResult {
  readonly filter: ColumnFilterDto | null
  /** Why the typed text is not a filter (shown on the input); the filter is then left out. */
  readonly error?: string
}

const NONE: DraftResult = { filter: null }

/** The engine filter for a draft; null while the draft filters nothing. */
export function draftToFilter(column: string, type: ColumnType, draft: FilterDraft, zone: TimeZoneMode = 'local'): DraftResult {
  switch (draft.mode) {
    case 'any':
      return NONE
    case 'null':
    case 'notNull':
      return { filter: { column, kind: draft.mode } }
    case 'true':
    case 'false':
      return { filter: { column, kind: 'equals', value: draft.mode === 'true' } }
    case 'contains':
    case 'equals':
      return draft.text === '' ? NONE : { filter: { column, kind: draft.mode, value: draft.text } }
    case 'range':
      return rangeFilter(column, type, draft)
    case 'timeRange':
      return timeRangeFilter(column, draft, zone)
  }
}

function rangeFilter(column: string, type: ColumnType, draft: FilterDraft): DraftResult {
  const min = parseNumber(draft.min, type)
  const max = parseNumber(draft.max, type)
  if (min === undefined || max === undefined) return { filter: null, error: type === 'date' ? 'use YYYY-MM-DD' : type === 'int64' || type === 'duration' || type.startsWith('int') ? 'not an integer' : 'not a number' }
  if (min === null && max === null) return NONE
  return { filter: { column, kind: 'range', ...(min !== null ? { min } : {}), ...(max !== null ? { max } : {}) } }
}

/** null: empty; undefined: not a number of that type. int64 bounds stay decimal strings (exact). */
function parseNumber(text: string, type: ColumnType): number | string | null | undefined {
  const t = text.trim().replace(/[_,\s]/g, '')
  if (t === '') return null
  if (type === 'int64' || type === 'duration') return /^-?\d+$/.test(t) ? t.replace(/^(-?)0+(?=\d)/, '$1') : undefined
  if (type === 'decimal') return /^[+-]?\d+(\.\d+)?$/.test(t) ? t : undefined
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined
  const n = Number(t)
  if (!Number.isFinite(n)) return undefined
  if (type.startsWith('int') && !Number.isInteger(n)) return undefined
  return n
}

function timeRangeFilter(column: string, draft: FilterDraft, zone: TimeZoneMode): DraftResult {
  const min = draft.min.trim() === '' ? null : parseTime(draft.min, zone)
  const max = draft.max.trim() === '' ? null : parseTime(draft.max, zone)
  if (min === undefined || max === undefined) return { filter: null, error: 'use YYYY-MM-DD HH:mm:ss.SSS' }
  if (min === null && max === null) return NONE
  const filter: ColumnFilterDto = { column, kind: 'timeRange' }
  if (min !== null) filter.min = msToNs(min.startMs)
  // an upper bound covers all of what it names: "14:03" includes 14:03:59.999999999
  if (max !== null) filter.max = (BigInt(msToNs(max.startMs + max.spanMs)) - 1n).toString()
  return { filter }
}

function msToNs(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString()
}

export interface ParsedTime {
  readonly startMs: number
  /** How much time the text names: a day for a date, a millisecond for full precision. */
  readonly spanMs: number
}

const TIME_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?\s*(Z)?$/i

/** `YYYY-MM-DD[ HH[:mm[:ss[.SSS]]]][Z]` in local time (or UTC with Z); undefined when it is not that. */
export function parseTime(text: string, zone: TimeZoneMode = 'local'): ParsedTime | undefined {
  const m = TIME_PATTERN.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => (m[i] === undefined ? undefined : Number(m[i])))
  const millis = m[7] === undefined ? undefined : Number(m[7].padEnd(3, '0'))
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return undefined
  const parts = [year!, month! - 1, day!, hour ?? 0, minute ?? 0, second ?? 0, millis ?? 0] as const
  const utc = zone === 'utc' || m[8] !== undefined
  const startMs = utc ? Date.UTC(...parts) : new Date(...parts).getTime()
  if (Number.isNaN(startMs)) return undefined
  const spanMs = millis !== undefined ? 1 : second !== undefined ? 1000 : minute !== undefined ? 60_000 : hour !== undefined ? 3_600_000 : 86_400_000
  return { startMs, spanMs }
}
