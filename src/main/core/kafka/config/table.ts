import type { ColumnType } from '../../types'
import { checkEncodings, columnTypeProperty, deserializerType } from './columnTypes'
import type { PropertyReader } from './reader'
import { describe } from './reader'

export interface TableSettings {
  partitionColumn: string | null
  offsetColumn: string | null
  timestampColumn: string | null
  receiveTimeColumn: string | null
  keyBytesColumn: string | null
  valueBytesColumn: string | null
  keyColumnName: string
  valueColumnName: string
  keyColumnType?: ColumnType
  valueColumnType?: ColumnType
}

type CommonColumn = 'partitionColumn' | 'offsetColumn' | 'timestampColumn' | 'receiveTimeColumn' | 'keyBytesColumn' | 'valueBytesColumn'

/** Deephaven's common-column properties, their defaults (null = no column unless named), in column order. */
const COMMON_COLUMNS: readonly [CommonColumn, string, string | null][] = [
  ['partitionColumn', 'deephaven.partition.column.name', 'KafkaPartition'],
  ['offsetColumn', 'deephaven.offset.column.name', 'KafkaOffset'],
  ['timestampColumn', 'deephaven.timestamp.column.name', 'KafkaTimestamp'],
  ['receiveTimeColumn', 'deephaven.receivetime.column.name', null],
  ['keyBytesColumn', 'deephaven.keybytes.column.name', null],
  ['valueBytesColumn', 'deephaven.valuebytes.column.name', null]
]

/**
 * Reads a common-column name as Deephaven does: absent = default; `""` or null = no column;
 * any other text = that name.
 */
function commonColumn(reader: PropertyReader, key: string, fallback: string | null): string | null {
  if (!reader.present(key)) return fallback
  const value = reader.raw(key)
  if (value === undefined || value === '') return null
  if (typeof value !== 'string') {
    reader.problems.add(key, `must be a column name, or "" to leave the column out, not ${describe(key, value)}.`)
    return fallback
  }
  if (value.trim() === '') {
    reader.problems.add(key, 'is blank: give a column name, or "" to leave the column out.')
    return fallback
  }
  return value
}

function keyValueName(reader: PropertyReader, key: string, fallback: string): string {
  const value = reader.raw(key)
  if (value === undefined) return fallback
  if (typeof value !== 'string' || value.trim() === '') {
    const what = typeof value === 'string' ? 'empty' : `${describe(key, value)}, not a column name`
    reader.problems.add(key, `is ${what}: give a column name, or remove it to use ${fallback}.`)
    return fallback
  }
  return value
}

/** Translates the `deephaven.*` properties and the deserializer type hints into table settings. */
export function translateTable(reader: PropertyReader): TableSettings {
  const common = {} as Record<CommonColumn, string | null>
  const seen = new Map<string, string>()
  for (const [field, key, fallback] of COMMON_COLUMNS) {
    const name = commonColumn(reader, key, fallback)
    common[field] = name
    if (name === null) continue
    const other = seen.get(name)
    if (other !== undefined) {
      reader.problems.add(key, `names the column ${JSON.stringify(name)}, which ${other} also uses; give each column its own name.`)
    } else {
      seen.set(name, reader.present(key) ? key : `${key} (by default)`)
    }
  }
  const table: TableSettings = {
    ...common,
    keyColumnName: keyValueName(reader, 'deephaven.key.column.name', 'KafkaKey'),
    valueColumnName: keyValueName(reader, 'deephaven.value.column.name', 'KafkaValue')
  }
  const keyType = columnType(reader, 'key')
  if (keyType !== undefined) table.keyColumnType = keyType
  const valueType = columnType(reader, 'value')
  if (valueType !== undefined) table.valueColumnType = valueType
  checkEncodings(reader)
  return table
}

/** `deephaven.<side>.column.type` wins; otherwise the type implied by `<side>.deserializer`. */
function columnType(reader: PropertyReader, side: 'key' | 'value'): ColumnType | undefined {
  const typeKey = `deephaven.${side}.column.type`
  const explicit = columnTypeProperty(reader, typeKey)
  const inferred = deserializerType(reader, `${side}.deserializer`, typeKey)
  return explicit ?? inferred
}
