import type { TranslatedConfig } from './kafka/config'
import type { ColumnDef } from './types'

/** Deephaven's per-record columns, in Deephaven's order; each one renamed or dropped through deephaven.* properties. */
export interface CommonColumns {
  partition: string | null
  offset: string | null
  timestamp: string | null
  receiveTime: string | null
  keyBytes: string | null
  valueBytes: string | null
}

export function commonColumns(table: TranslatedConfig['table']): CommonColumns {
  return {
    partition: table.partitionColumn,
    offset: table.offsetColumn,
    timestamp: table.timestampColumn,
    receiveTime: table.receiveTimeColumn,
    keyBytes: table.keyBytesColumn,
    valueBytes: table.valueBytesColumn
  }
}

export function commonColumnDefs(c: CommonColumns): ColumnDef[] {
  const defs: ColumnDef[] = []
  if (c.partition !== null) defs.push({ name: c.partition, type: 'int32' })
  if (c.offset !== null) defs.push({ name: c.offset, type: 'int64' })
  if (c.timestamp !== null) defs.push({ name: c.timestamp, type: 'timestamp' })
  if (c.receiveTime !== null) defs.push({ name: c.receiveTime, type: 'timestamp' })
  if (c.keyBytes !== null) defs.push({ name: c.keyBytes, type: 'int32' })
  if (c.valueBytes !== null) defs.push({ name: c.valueBytes, type: 'int32' })
  return defs
}
