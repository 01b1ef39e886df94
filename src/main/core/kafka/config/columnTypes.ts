import type { ColumnType } from '../../types'
import type { PropertyReader } from './reader'
import { showValue } from './secrets'

const SERIALIZATION_PACKAGE = 'org.apache.kafka.common.serialization.'

/** Kafka's deserializers that imply a column type (the class name without its package). */
const DESERIALIZER_TYPES: Readonly<Record<string, ColumnType>> = {
  ShortDeserializer: 'int16',
  IntegerDeserializer: 'int32',
  LongDeserializer: 'int64',
  FloatDeserializer: 'float32',
  DoubleDeserializer: 'float64',
  StringDeserializer: 'string',
  ByteArrayDeserializer: 'bytes',
  ByteBufferDeserializer: 'bytes',
  BytesDeserializer: 'bytes',
  UUIDDeserializer: 'string',
  BooleanDeserializer: 'bool'
}

/** Deephaven's type names for `deephaven.key/value.column.type`, plus this app's own; matched case-insensitively. */
const TYPE_NAMES: readonly [string, ColumnType][] = [
  ['short', 'int16'],
  ['int', 'int32'],
  ['long', 'int64'],
  ['float', 'float32'],
  ['double', 'float64'],
  ['byte[]', 'bytes'],
  ['String', 'string'],
  ['string', 'string'],
  ['int16', 'int16'],
  ['int32', 'int32'],
  ['int64', 'int64'],
  ['float32', 'float32'],
  ['float64', 'float64'],
  ['bool', 'bool'],
  ['boolean', 'bool'],
  ['bytes', 'bytes'],
  ['timestamp', 'timestamp'],
  ['Instant', 'timestamp'],
  ['date', 'date'],
  ['LocalDate', 'date'],
  ['duration', 'duration'],
  ['Duration', 'duration'],
  ['decimal', 'decimal'],
  ['BigDecimal', 'decimal']
]

/** The column type named by `deephaven.key.column.type` or `deephaven.value.column.type`. */
export function columnTypeProperty(reader: PropertyReader, key: string): ColumnType | undefined {
  const value = reader.string(key)
  if (value === undefined) return undefined
  const wanted = value.trim().toLowerCase()
  const found = TYPE_NAMES.find(([name]) => name.toLowerCase() === wanted)
  if (found !== undefined) return found[1]
  reader.problems.add(key, `${showValue(key, value)} is not a column type; use one of ${TYPE_NAMES.map(([n]) => n).join(', ')}.`)
  return undefined
}

/** The column type implied by `key.deserializer` or `value.deserializer`, which are used for nothing else. */
export function deserializerType(reader: PropertyReader, key: string, typeKey: string): ColumnType | undefined {
  const value = reader.string(key)
  if (value === undefined) return undefined
  const className = value.trim()
  const simple = className.startsWith(SERIALIZATION_PACKAGE) ? className.slice(SERIALIZATION_PACKAGE.length) : className
  const type = DESERIALIZER_TYPES[simple]
  if (type !== undefined && Object.prototype.hasOwnProperty.call(DESERIALIZER_TYPES, simple)) return type
  reader.problems.add(
    key,
    `${showValue(key, value)} cannot be used: Topic Tables decodes records itself, and ${key} only picks the column type ` +
      `for Kafka's own simple deserializers (${Object.keys(DESERIALIZER_TYPES).join(', ')}). ` +
      `Remove it and choose the format with the table's key/value spec, or the type with ${typeKey}.`
  )
  return undefined
}

const ENCODING_KEYS = ['key.deserializer.encoding', 'value.deserializer.encoding', 'deserializer.encoding']

/** Text is always decoded as UTF-8; the Java encoding settings may only confirm that. */
export function checkEncodings(reader: PropertyReader): void {
  for (const key of ENCODING_KEYS) {
    const value = reader.string(key)
    if (value === undefined) continue
    const v = value.trim().toUpperCase()
    if (v !== 'UTF-8' && v !== 'UTF8') {
      reader.problems.add(key, `${showValue(key, value)} is not supported: text is always decoded as UTF-8. Remove it or set it to UTF-8.`)
    }
  }
}
