import type { ColumnType } from '../types'
import { Int64Column } from './int64Column'

/** duration: nanoseconds as an int64 (appendNumber takes a safe integer of ns), read as bigint. */
export class DurationColumn extends Int64Column {
  override readonly type: ColumnType = 'duration'
}
