import type { ColumnType } from '../types'
import { Int64PairColumn } from './int64PairColumn'
import { MAX_TIMESTAMP_MS, isTimestampMillis, writeMillisAsNanos } from './int64Words'

/**
 * timestamp: epoch nanoseconds as an int64, read as bigint. appendNumber takes epoch milliseconds (an integer with
 * |ms| <= 9,223,372,036,854, else RangeError) and converts them exactly; appendInt64/appendBigInt take nanoseconds.
 */
export class TimestampColumn extends Int64PairColumn {
  readonly type: ColumnType = 'timestamp'

  override appendNumber(ms: number): void {
    if (!isTimestampMillis(ms)) {
      throw new RangeError(`column "${this.name}" (timestamp): ${ms} is not an integer number of ms within ±${MAX_TIMESTAMP_MS}`)
    }
    const i = this.length
    if (i >= this.end) this.grow(i)
    writeMillisAsNanos(this.words, (i - this.start) * 2, ms)
    this.length = i + 1
  }
}
