export { consume } from './consume'
export type { ConsumeOptions } from './consumeOptions'
export { OptionsError } from './consumeOptions'
export {
  ALL_PARTITIONS,
  ALL_PARTITIONS_DONT_SEEK,
  ALL_PARTITIONS_SEEK_TO_BEGINNING,
  ALL_PARTITIONS_SEEK_TO_END,
  DONT_SEEK,
  SEEK_TO_BEGINNING,
  SEEK_TO_END
} from './api/seek'
export type { Offsets, OffsetValue, SeekConstant } from './api/seek'
export { jsonSpec, KeyValueSpec, simpleSpec } from './api/keyValueSpec'
export type { JsonColumnsInput, JsonSpec, SimpleSpec } from './api/keyValueSpec'
export type { ViewSpec, ViewportData, SortKey, ColumnFilter } from './views/viewTypes'
export { TableView } from './views/tableView'
export { TableType } from './api/tableType'
export { avroSpec } from './api/avroSpec'
export type { AvroSpecOptions } from './api/avroSpec'
export { protobufSpec } from './api/protobufSpec'
export { objectProcessorSpec } from './api/objectProcessorSpec'
export type { ColumnOut, ColumnSink, ObjectProcessorProvider, ObjectProcessorSpec } from './api/objectProcessorSpec'
export { jsonObject } from './specs/objectProcessor/jsonObject'
export type { InstantNumberFormat, JsonValue, JsonValueOptions } from './specs/objectProcessor/jsonObject'
export { RecordDecodeError } from './specs/recordDecodeError'
export type { ProtobufSource, ProtobufSpecOptions } from './api/protobufSpec'
export type { Table } from './api/table'
export { COLUMN_TYPES } from './types'
export type { ColumnDef, ColumnType, PartitionStats, RecordError, TableState, TableStats, TableUpdate } from './types'
export { KafkaConfigError } from './kafka/config'
export type { KafkaProperties } from './kafka/config'
export { ClusterError } from './kafka/clusterError'
export { OffsetsError } from './kafka/startOffsets'
export { SpecError } from './specs/resolvePartDecoder'
