import type { OpenTableArgs } from '../../../../shared/model/tables'
import { COMMON_COLUMNS, type EditorDraft, type SeekChoice } from './editorDraft'
import { parseProperties } from './propertiesText'
import { declaredColumns, specToDto, type FieldErrors } from './specToDto'

export type { FieldErrors }
export type DraftResult = { ok: true; args: OpenTableArgs } | { ok: false; errors: FieldErrors }

/** consume()'s seek constants (src/main/core/api/seek.ts). */
export const SEEK: Record<SeekChoice, number> = { beginning: -1, latest: -2, end: -3 }

const TOPIC = /^[a-zA-Z0-9._-]{1,249}$/
/** host:port or [IPv6]:port. */
const SERVER = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/

/** The editor's draft as openTable arguments, or every field that is wrong with the reason (keyed by field path). */
export function draftToArgs(draft: EditorDraft): DraftResult {
  const errors: FieldErrors = {}
  const properties = connectionProperties(draft, errors)
  const topic = draft.topic.trim()
  if (!topic) errors.topic = 'Topic is required'
  else if (!TOPIC.test(topic)) errors.topic = 'A topic name has only letters, digits, ".", "_" and "-"'

  const partitions = partitionsOf(draft, errors)
  const offsets = offsetsOf(draft, errors)
  const keySpec = specToDto(draft.key, 'key', errors)
  const valueSpec = specToDto(draft.value, 'value', errors)
  if (draft.key.kind === 'ignore' && draft.value.kind === 'ignore') errors['value.kind'] = 'Key and value cannot both be ignored'

  const used = new Map<string, string>()
  const claim = (name: string, field: string) => {
    if (used.has(name)) errors[field] ??= `'${name}' is also the ${used.get(name)} column`
    else used.set(name, field.split('.')[0]!)
  }
  for (const c of COMMON_COLUMNS) {
    const toggle = draft.common[c.key]
    if (!toggle.on) continue
    const name = toggle.name.trim()
    if (!name) errors[`common.${c.key}`] = 'The column needs a name (or switch it off)'
    else {
      claim(name, `common.${c.key}`)
      if (name !== c.defaultName || !c.defaultOn) properties[c.property] = name
    }
  }
  for (const c of COMMON_COLUMNS) if (c.defaultOn && !draft.common[c.key].on) properties[c.property] = ''
  if (keySpec) for (const name of declaredColumns(keySpec)) claim(name, keySpec.kind === 'simple' ? 'key.simple.columnName' : 'key.json.columns')
  if (valueSpec) for (const name of declaredColumns(valueSpec)) claim(name, valueSpec.kind === 'simple' ? 'value.simple.columnName' : 'value.json.columns')

  const headers = headersOf(draft, errors, claim)
  const capacity = Number(draft.ringCapacity.trim().replace(/[_,]/g, ''))
  if (draft.tableType === 'ring' && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 2 ** 31)) {
    errors.ringCapacity = 'Ring size is a whole number of rows, at least 1'
  }
  if (Object.keys(errors).length > 0 || !keySpec || !valueSpec) return { ok: false, errors }
  return {
    ok: true,
    args: {
      properties,
      ...(draft.connection === 'profile' ? { profileId: draft.profileId } : {}),
      topic,
      ...(partitions ? { partitions } : {}),
      offsets,
      keySpec,
      valueSpec,
      tableType: draft.tableType === 'ring' ? { kind: 'ring', capacity } : { kind: draft.tableType },
      onError: draft.onError,
      ...(headers ? { headers } : {})
    }
  }
}

function connectionProperties(draft: EditorDraft, errors: FieldErrors): OpenTableArgs['properties'] {
  const extra = parseProperties(draft.extraProperties)
  if (extra.error) errors.extraProperties = extra.error
  if (draft.connection === 'profile') {
    if (!draft.profileId) errors.profileId = 'Pick a connection profile (or use bootstrap servers)'
    return { ...extra.properties }
  }
  const bootstrap = draft.bootstrapServers.trim()
  if (!bootstrap) errors.bootstrapServers = 'Bootstrap servers are required (host:port, comma-separated)'
  else if (!bootstrap.split(',').every((s) => SERVER.test(s.trim()))) errors.bootstrapServers = 'Each server is host:port, comma-separated'
  return { ...extra.properties, 'bootstrap.servers': bootstrap }
}

function partitionsOf(draft: EditorDraft, errors: FieldErrors): number[] | null {
  if (draft.partitionsMode === 'all') return null
  const parts = draft.partitions.split(',').map((p) => p.trim()).filter(Boolean)
  if (parts.length === 0) {
    errors.partitions = 'List the partitions to read (0, 1, 2), or pick "All"'
    return null
  }
  const bad = parts.find((p) => !/^\d+$/.test(p))
  if (bad !== undefined) {
    errors.partitions = `'${bad}' is not a partition number`
    return null
  }
  return [...new Set(parts.map(Number))]
}

function offsetsOf(draft: EditorDraft, errors: FieldErrors): NonNullable<OpenTableArgs['offsets']> {
  if (draft.offsetsMode !== 'perPartition') return { '-1': SEEK[draft.offsetsMode] }
  const offsets: NonNullable<OpenTableArgs['offsets']> = { '-1': SEEK[draft.otherPartitions] }
  if (draft.offsetRows.length === 0) errors.offsets = 'Add a row per partition, or pick one of the all-partitions modes'
  draft.offsetRows.forEach((row, i) => {
    const partition = row.partition.trim()
    const offset = row.offset.trim()
    if (!/^\d+$/.test(partition)) errors[`offsets.${i}.partition`] = 'A partition number (0, 1, …)'
    else if (partition in offsets && partition !== '-1') errors[`offsets.${i}.partition`] = `Partition ${partition} has a row already`
    if (offset in SEEK) offsets[partition] = SEEK[offset as SeekChoice]
    else if (/^\d+$/.test(offset) && BigInt(offset) < 2n ** 63n) offsets[partition] = offset
    else errors[`offsets.${i}.offset`] = 'An offset (0 or more) or beginning / end / latest'
  })
  if (draft.partitionsMode === 'list') {
    const listed = new Set(draft.partitions.split(',').map((p) => p.trim()))
    draft.offsetRows.forEach((row, i) => {
      if (row.partition.trim() && !listed.has(row.partition.trim())) errors[`offsets.${i}.partition`] ??= `Partition ${row.partition.trim()} is not in the partition list`
    })
  }
  return offsets
}

function headersOf(draft: EditorDraft, errors: FieldErrors, claim: (name: string, field: string) => void): OpenTableArgs['headers'] | null {
  const headers: NonNullable<OpenTableArgs['headers']> = {}
  if (draft.headersColumn.on) {
    const name = draft.headersColumn.name.trim()
    if (!name) errors.headersColumn = 'The headers column needs a name (or switch it off)'
    else {
      headers.column = name
      claim(name, 'headersColumn')
    }
  }
  const lift: NonNullable<NonNullable<OpenTableArgs['headers']>['lift']> = []
  draft.liftHeaders.forEach((row, i) => {
    const header = row.header.trim()
    const column = row.column.trim() || header
    if (!header) errors[`liftHeaders.${i}.header`] = 'Which header?'
    else {
      claim(column, `liftHeaders.${i}.column`)
      lift.push({ header, column, type: row.type })
    }
  })
  if (lift.length > 0) headers.lift = lift
  return headers.column || headers.lift ? headers : null
}

/** One line saying what keeps the Open button disabled: the first reason and how many more there are. */
export function errorSummary(errors: FieldErrors): string {
  const reasons = Object.entries(errors)
  if (reasons.length === 0) return ''
  const [field, reason] = reasons[0]!
  return `${fieldLabel(field)}: ${reason}${reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''}`
}

const LABELS: Record<string, string> = {
  profileId: 'Profile',
  bootstrapServers: 'Bootstrap servers',
  extraProperties: 'Kafka properties',
  topic: 'Topic',
  partitions: 'Partitions',
  offsets: 'Offsets',
  key: 'Key',
  value: 'Value',
  ringCapacity: 'Ring size',
  common: 'Columns',
  headersColumn: 'Headers column',
  liftHeaders: 'Lifted headers'
}

export function fieldLabel(field: string): string {
  return LABELS[field.split('.')[0]!] ?? field
}

/** Just the connection and topic of the draft (enough to sample records), or why they are not usable yet. */
export function connectionOf(draft: EditorDraft): { ok: true; profileId?: string; properties: OpenTableArgs['properties']; topic: string } | { ok: false; reason: string } {
  const errors: FieldErrors = {}
  const properties = connectionProperties(draft, errors)
  const topic = draft.topic.trim()
  if (!topic) errors.topic = 'Topic is required'
  const first = errorSummary(errors)
  if (first) return { ok: false, reason: first }
  return { ok: true, ...(draft.connection === 'profile' ? { profileId: draft.profileId } : {}), properties, topic }
}
