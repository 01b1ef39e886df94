import type { OpenTableArgs, SpecDto } from '../../../../shared/model/tables'
import type { EditorPrefill } from '../shell/navigation'
import { COMMON_COLUMNS, newEditorDraft, newSpecDraft, type EditorDraft, type SeekChoice, type SpecDraft } from './editorDraft'
import { SEEK } from './draftToArgs'
import { formatProperties } from './propertiesText'

/**
 * Settings given as OpenTableArgs (a pasted Deephaven snippet, a preset, the topic or registry browser) laid over
 * the editor's draft: what `args` says replaces the draft's, the rest is kept. Returns a new draft.
 */
export function applySnippetArgs(draft: EditorDraft, args: Partial<OpenTableArgs>): EditorDraft {
  const next: EditorDraft = plainCopy(draft)
  if (args.profileId) {
    next.connection = 'profile'
    next.profileId = args.profileId
  }
  if (args.properties) applyProperties(next, args.properties)
  if (args.topic !== undefined) next.topic = args.topic
  if (args.partitions !== undefined) {
    next.partitionsMode = args.partitions === 'ALL' ? 'all' : 'list'
    next.partitions = args.partitions === 'ALL' ? '' : args.partitions.join(', ')
  }
  if (args.offsets !== undefined) applyOffsets(next, args.offsets)
  if (args.keySpec) next.key = specDraftOf(args.keySpec, next.key, 'Key')
  if (args.valueSpec) next.value = specDraftOf(args.valueSpec, next.value, 'Value')
  if (args.tableType) {
    next.tableType = args.tableType.kind
    if (args.tableType.kind === 'ring') next.ringCapacity = String(args.tableType.capacity)
  }
  if (args.onError) next.onError = args.onError
  if (args.headers) {
    next.headersColumn = args.headers.column ? { on: true, name: args.headers.column } : { ...next.headersColumn, on: false }
    next.liftHeaders = (args.headers.lift ?? []).map((l) => ({ ...l }))
  }
  return next
}

/** A fresh draft for a navigation request (topic browser, registry browser, preset): its profile, else the active one. */
export function draftFromPrefill(prefill: EditorPrefill, activeProfileId: string | null): EditorDraft {
  const profileId = prefill.profileId ?? activeProfileId
  return applySnippetArgs(newEditorDraft(profileId), { ...prefill.args, ...(profileId ? { profileId } : {}) })
}

function applyProperties(draft: EditorDraft, properties: OpenTableArgs['properties']): void {
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(properties)) {
    const common = COMMON_COLUMNS.find((c) => c.property === key)
    if (common) {
      const name = value === null ? '' : String(value)
      draft.common[common.key] = name === '' ? { on: false, name: common.defaultName } : { on: true, name }
    } else if (key === 'bootstrap.servers' && draft.connection === 'adhoc') {
      draft.bootstrapServers = String(value)
    } else if (key !== 'bootstrap.servers') {
      rest[key] = value
    }
  }
  draft.extraProperties = formatProperties(rest)
}

function seekChoice(value: string | number): SeekChoice | null {
  const n = Number(value)
  return (Object.keys(SEEK) as SeekChoice[]).find((c) => SEEK[c] === n) ?? null
}

function applyOffsets(draft: EditorDraft, offsets: NonNullable<OpenTableArgs['offsets']>): void {
  const entries = Object.entries(offsets)
  const all = offsets['-1'] !== undefined ? seekChoice(offsets['-1']) : null
  if (entries.length === 1 && all) {
    draft.offsetsMode = all
    draft.offsetRows = []
    return
  }
  draft.offsetsMode = 'perPartition'
  draft.otherPartitions = all ?? 'latest'
  draft.offsetRows = entries
    .filter(([p]) => p !== '-1')
    .map(([partition, offset]) => {
      const n = Number(offset)
      return { partition, offset: n < 0 ? (seekChoice(n) ?? String(offset)) : String(offset) }
    })
}

/** A spec as the editor shows it; the other kinds' inputs are kept from `previous`. */
export function specDraftOf(spec: SpecDto, previous: SpecDraft = newSpecDraft('ignore', 'Value'), fallbackName = 'Value'): SpecDraft {
  const next: SpecDraft = { ...plainCopy(previous), kind: spec.kind }
  switch (spec.kind) {
    case 'simple':
      next.simple = { columnName: spec.columnName || fallbackName, type: spec.type ?? 'string' }
      break
    case 'json': {
      const pointerOf = new Map(Object.entries(spec.mapping).map(([pointer, column]) => [column, pointer]))
      next.json = { ...next.json, columns: spec.columns.map((c) => ({ name: c.name, type: c.type, pointer: pointerOf.get(c.name) ?? '' })) }
      break
    }
    case 'avro': {
      const pasted = spec.schema.trim().startsWith('{')
      next.avro = {
        source: pasted ? 'pasted' : 'registry',
        subject: pasted ? next.avro.subject : spec.schema,
        schema: pasted ? spec.schema : next.avro.schema,
        version: String(spec.version),
        framing: spec.framing,
        mapping: Object.entries(spec.mapping ?? {}).map(([field, column]) => ({ field, column })),
        mappedOnly: spec.mappedOnly === true
      }
      break
    }
    case 'protobuf': {
      const source = spec.source
      next.protobuf =
        'subject' in source
          ? { ...next.protobuf, source: 'registry', subject: source.subject, version: String(source.version ?? 'latest'), messageName: source.messageName ?? '', protocol: spec.protocol }
          : { ...next.protobuf, source: 'pasted', proto: source.proto, messageName: source.messageName, protocol: spec.protocol }
      break
    }
    case 'jsonObject': {
      const { kind: _kind, ...description } = spec
      next.jsonObject = { text: JSON.stringify(description, null, 2) }
      break
    }
  }
  return next
}

/** A deep copy of plain data; unlike structuredClone it also copies the editor's reactive proxies. */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
