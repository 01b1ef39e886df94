import type { ColumnType, ScalarType } from '../../../../shared/model/columns'

// The consume editor's state as plain data: every input is a string or a flag, so a half-typed value is kept as
// typed; draftToArgs.ts turns it into OpenTableArgs (or the reasons it cannot).

export type SpecKind = 'ignore' | 'fromProperties' | 'simple' | 'json' | 'avro' | 'protobuf' | 'jsonObject'
export type SchemaSource = 'registry' | 'pasted'
export type SeekChoice = 'beginning' | 'end' | 'latest'
export type OffsetsMode = SeekChoice | 'perPartition'
export type TableKind = 'append' | 'blink' | 'ring'

export interface JsonColumnDraft {
  name: string
  type: ColumnType
  /** A field name or a JSON Pointer (`/a/b`); empty reads the field named like the column. */
  pointer: string
}

export interface MappingRowDraft {
  /** Avro: a dotted field path (`a.b`). */
  field: string
  column: string
}

export interface SpecDraft {
  kind: SpecKind
  simple: { columnName: string; type: ScalarType }
  json: { columns: JsonColumnDraft[]; sample: string }
  avro: { source: SchemaSource; subject: string; version: string; schema: string; framing: 'confluent' | 'none'; mapping: MappingRowDraft[]; mappedOnly: boolean }
  protobuf: { source: SchemaSource; subject: string; version: string; messageName: string; proto: string; protocol: 'serdes' | 'raw' }
  /** The jsonObject(...) provider as JSON text: `{ "fields": { name: value type… }, "allowNull"?, "allowMissing"? }`. */
  jsonObject: { text: string }
}

export interface OffsetRowDraft {
  partition: string
  /** An offset (digits) or a seek constant: 'beginning', 'end', 'latest'. */
  offset: string
}

export interface ToggledName {
  on: boolean
  name: string
}

export type CommonColumnKey = 'partition' | 'offset' | 'timestamp' | 'receiveTime' | 'keyBytes' | 'valueBytes'

export interface LiftedHeaderDraft {
  header: string
  column: string
  type: ScalarType
}

export interface EditorDraft {
  connection: 'profile' | 'adhoc'
  profileId: string
  bootstrapServers: string
  /** More Kafka client properties, `name=value` a line. */
  extraProperties: string
  topic: string
  partitionsMode: 'all' | 'list'
  /** Partition numbers, comma-separated. */
  partitions: string
  offsetsMode: OffsetsMode
  offsetRows: OffsetRowDraft[]
  /** Where partitions the table does not name start (consume()'s key -1). */
  otherPartitions: SeekChoice
  key: SpecDraft
  value: SpecDraft
  tableType: TableKind
  ringCapacity: string
  common: Record<CommonColumnKey, ToggledName>
  headersColumn: ToggledName
  liftHeaders: LiftedHeaderDraft[]
  onError: 'skip' | 'fail'
}

/** Deephaven's per-record columns: the property that renames or drops each, its default name, on by default. */
export const COMMON_COLUMNS: readonly { key: CommonColumnKey; property: string; defaultName: string; defaultOn: boolean; label: string }[] = [
  { key: 'partition', property: 'deephaven.partition.column.name', defaultName: 'KafkaPartition', defaultOn: true, label: 'Partition' },
  { key: 'offset', property: 'deephaven.offset.column.name', defaultName: 'KafkaOffset', defaultOn: true, label: 'Offset' },
  { key: 'timestamp', property: 'deephaven.timestamp.column.name', defaultName: 'KafkaTimestamp', defaultOn: true, label: 'Timestamp' },
  { key: 'receiveTime', property: 'deephaven.receivetime.column.name', defaultName: 'KafkaReceiveTime', defaultOn: false, label: 'Receive time' },
  { key: 'keyBytes', property: 'deephaven.keybytes.column.name', defaultName: 'KafkaKeyBytes', defaultOn: false, label: 'Key size' },
  { key: 'valueBytes', property: 'deephaven.valuebytes.column.name', defaultName: 'KafkaValueBytes', defaultOn: false, label: 'Value size' }
]

export const JSON_OBJECT_EXAMPLE = JSON.stringify(
  { fields: { symbol: { kind: 'string' }, price: { kind: 'double', allowNull: true }, time: { kind: 'instant', numberFormat: 'ms' } }, allowMissing: false },
  null,
  2
)

export function newSpecDraft(kind: SpecKind, columnName: string): SpecDraft {
  return {
    kind,
    simple: { columnName, type: 'string' },
    json: { columns: [], sample: '' },
    avro: { source: 'registry', subject: '', version: 'latest', schema: '', framing: 'confluent', mapping: [], mappedOnly: false },
    protobuf: { source: 'registry', subject: '', version: 'latest', messageName: '', proto: '', protocol: 'serdes' },
    jsonObject: { text: JSON_OBJECT_EXAMPLE }
  }
}

export function newEditorDraft(profileId: string | null = null): EditorDraft {
  return {
    connection: profileId ? 'profile' : 'adhoc',
    profileId: profileId ?? '',
    bootstrapServers: 'localhost:9092',
    extraProperties: '',
    topic: '',
    partitionsMode: 'all',
    partitions: '',
    offsetsMode: 'beginning',
    offsetRows: [],
    otherPartitions: 'latest',
    key: newSpecDraft('ignore', 'Key'),
    value: newSpecDraft('simple', 'Value'),
    tableType: 'append',
    ringCapacity: '100000',
    common: Object.fromEntries(COMMON_COLUMNS.map((c) => [c.key, { on: c.defaultOn, name: c.defaultName }])) as Record<CommonColumnKey, ToggledName>,
    headersColumn: { on: false, name: 'Headers' },
    liftHeaders: [],
    onError: 'skip'
  }
}
