import { type ColumnDef, columnShape } from '../types'
import { BoolColumn } from './boolColumn'
import { BytesColumn } from './bytesColumn'
import type { ColumnStore } from './columnWriter'
import { DateColumn } from './dateColumn'
import { DecimalColumn } from './decimalColumn'
import { DurationColumn } from './durationColumn'
import { Float32Column } from './float32Column'
import { Float64Column } from './float64Column'
import { Int16Column } from './int16Column'
import { Int32Column } from './int32Column'
import { Int64Column } from './int64Column'
import { NestedColumn } from './nestedColumn'
import { StringColumn } from './stringColumn'
import { TimestampColumn } from './timestampColumn'

/** The storage class for a column's type. */
export function createColumn(def: ColumnDef): ColumnStore {
  const shape = columnShape(def.type)
  if (shape !== null && shape.kind === 'list') return new NestedColumn(def.name, def.type, [createColumn({ name: `${def.name}[]`, type: shape.element })])
  if (shape !== null && shape.kind === 'map') {
    const keys = createColumn({ name: `${def.name}.key`, type: 'string' })
    return new NestedColumn(def.name, def.type, [keys, createColumn({ name: `${def.name}.value`, type: shape.element })])
  }
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
    case 'date':
      return new DateColumn(def.name)
    case 'duration':
      return new DurationColumn(def.name)
    case 'decimal':
      return new DecimalColumn(def.name)
    default:
      throw new TypeError(`column "${String((def as ColumnDef).name)}": unknown type ${String((def as ColumnDef).type)}`)
  }
}
