import type { ColumnDef } from '../types'
import { BoolColumn } from './boolColumn'
import { BytesColumn } from './bytesColumn'
import type { ColumnStore } from './columnWriter'
import { Float32Column } from './float32Column'
import { Float64Column } from './float64Column'
import { Int16Column } from './int16Column'
import { Int32Column } from './int32Column'
import { Int64Column } from './int64Column'
import { StringColumn } from './stringColumn'
import { TimestampColumn } from './timestampColumn'

/** The storage class for a column's type. */
export function createColumn(def: ColumnDef): ColumnStore {
  switch (def.type) {
    case 'string':
      return new StringColumn(def.name)
    case 'int16':
      return new Int16Column(def.name)
    case 'int32':
      return new Int32Column(def.name)
    case 'int64':
      return new Int64Column(def.name)
    case 'float32':
      return new Float32Column(def.name)
    case 'float64':
      return new Float64Column(def.name)
    case 'bool':
      return new BoolColumn(def.name)
    case 'bytes':
      return new BytesColumn(def.name)
    case 'timestamp':
      return new TimestampColumn(def.name)
    default:
      throw new TypeError(`column "${String((def as ColumnDef).name)}": unknown type ${String((def as ColumnDef).type)}`)
  }
}
