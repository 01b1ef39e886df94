import type { ColumnType } from '../types'
import { Int32Column } from './int32Column'

/** date: days since 1970-01-01 in an Int32Array (appendNumber takes the day number); read as a number of days. */
export class DateColumn extends Int32Column {
  override readonly type: ColumnType = 'date'
}
