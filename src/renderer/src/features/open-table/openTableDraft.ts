import { COLUMN_TYPES, type ScalarType } from '../../../../shared/model/columns'
import type { OpenTableArgs, SpecDto } from '../../../../shared/model/tables'

// The "open a table" form as plain data, and its translation into openTable arguments.

export type OffsetsMode = 'beginning' | 'end' | 'latest'
export type TableKind = 'append' | 'blink' | 'ring'

export interface SpecDraft {
  kind: 'ignore' | 'simple'
  columnName: string
  type: ScalarType
}

export interface OpenTableDraft {
  bootstrapServers: string
  topic: string
  offsets: OffsetsMode
  key: SpecDraft
  value: SpecDraft
  tableType: TableKind
  ringCapacity: string
  /** More Kafka client properties, `name=value` a line (security settings and the like). */
  extraProperties: string
}

export const OFFSET_MODES: readonly { value: OffsetsMode; label: string }[] = [
  { value: 'beginning', label: 'Beginning' },
  { value: 'end', label: 'End' },
  { value: 'latest', label: "Don't seek (latest)" }
]

export const TABLE_KINDS: readonly { value: TableKind; label: string }[] = [
  { value: 'append', label: 'Append' },
  { value: 'blink', label: 'Blink' },
  { value: 'ring', label: 'Ring' }
]

export { COLUMN_TYPES }

/** Seek constants of consume() (src/main/core/api/seek.ts) for every partition (key -1). */
const SEEK: Record<OffsetsMode, number> = { beginning: -1, latest: -2, end: -3 }

export function newDraft(): OpenTableDraft {
  return {
    bootstrapServers: 'localhost:9092',
    topic: '',
    offsets: 'beginning',
    key: { kind: 'ignore', columnName: 'Key', type: 'string' },
    value: { kind: 'simple', columnName: 'Value', type: 'string' },
    tableType: 'append',
    ringCapacity: '100000',
    extraProperties: ''
  }
}

export type DraftField = 'bootstrapServers' | 'topic' | 'key' | 'value' | 'ringCapacity' | 'extraProperties'

export type DraftResult = { ok: true; args: OpenTableArgs } | { ok: false; errors: Partial<Record<DraftField, string>> }

export function toOpenTableArgs(draft: OpenTableDraft): DraftResult {
  const errors: Partial<Record<DraftField, string>> = {}
  const bootstrap = draft.bootstrapServers.trim()
  if (!bootstrap) errors.bootstrapServers = 'Bootstrap servers are required (host:port, comma-separated)'
  const topic = draft.topic.trim()
  if (!topic) errors.topic = 'Topic is required'
  else if (!/^[a-zA-Z0-9._-]{1,249}$/.test(topic)) errors.topic = 'A topic name has only letters, digits, ".", "_" and "-"'
  const keySpec = toSpec(draft.key)
  const valueSpec = toSpec(draft.value)
  if (!keySpec) errors.key = 'The key column needs a name'
  if (!valueSpec) errors.value = 'The value column needs a name'
  if (keySpec && valueSpec && keySpec.kind === 'simple' && valueSpec.kind === 'simple' && keySpec.columnName === valueSpec.columnName) {
    errors.value = 'Key and value columns need different names'
  }
  const capacity = Number(draft.ringCapacity.trim().replace(/[_,]/g, ''))
  if (draft.tableType === 'ring' && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 2 ** 31)) {
    errors.ringCapacity = 'Ring size is a whole number of rows, at least 1'
  }
  const extra = parseProperties(draft.extraProperties)
  if (extra.error) errors.extraProperties = extra.error
  if (Object.keys(errors).length > 0 || !keySpec || !valueSpec) return { ok: false, errors }
  return {
    ok: true,
    args: {
      properties: { ...extra.properties, 'bootstrap.servers': bootstrap },
      topic,
      offsets: { '-1': SEEK[draft.offsets] },
      keySpec,
      valueSpec,
      tableType: draft.tableType === 'ring' ? { kind: 'ring', capacity } : { kind: draft.tableType }
    }
  }
}

function toSpec(spec: SpecDraft): SpecDto | null {
  if (spec.kind === 'ignore') return { kind: 'ignore' }
  const columnName = spec.columnName.trim()
  return columnName ? { kind: 'simple', columnName, type: spec.type } : null
}

/** `name=value` lines; blank lines and `#` comments are skipped. */
export function parseProperties(text: string): { properties: Record<string, string>; error?: string } {
  const properties: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) return { properties, error: `Line ${i + 1}: expected name=value` }
    properties[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return { properties }
}

/** 'ignore', 'Value: string', 'Price: float64'. */
export function specSummary(spec: SpecDto): string {
  switch (spec.kind) {
    case 'ignore':
      return 'ignore'
    case 'simple':
      return `${spec.columnName}: ${spec.type ?? 'auto'}`
    case 'json':
      return `json (${spec.columns.length} columns)`
    default:
      return 'from properties'
  }
}

/** 'append', 'blink', 'ring 100,000'. */
export function tableTypeSummary(tableType: OpenTableArgs['tableType']): string {
  return tableType.kind === 'ring' ? `ring ${tableType.capacity.toLocaleString('en-US')}` : tableType.kind
}

export function offsetsSummary(args: OpenTableArgs): string {
  const seek = args.offsets?.['-1']
  const mode = (Object.keys(SEEK) as OffsetsMode[]).find((m) => SEEK[m] === Number(seek))
  return mode === 'beginning' ? 'from beginning' : mode === 'end' ? 'from end' : 'latest'
}
