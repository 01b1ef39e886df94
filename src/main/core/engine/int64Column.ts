import type { ColumnType } from '../types'
import { Int64PairColumn } from './int64PairColumn'
import { writeSafeInteger } from './int64Words'

/** int64, read as bigint. appendNumber takes a safe integer (else RangeError). */
export class Int64Column extends Int64PairColumn {
  readonly type: ColumnType = 'int64'

  override appendNumber(v: number): void {
    const i = this.length
    if ((v | 0) === v) {
      if (i >= this.end) this.grow(i)
      const at = (i - this.start) * 2
      this.words[at] = v
      this.words[at + 1] = v >> 31
    } else {
      if (!Number.isSafeInteger(v)) throw new RangeError(`column "${this.name}" (int64): ${v} is not a safe integer`)
      if (i >= this.end) this.grow(i)
      writeSafeInteger(this.words, (i - this.start) * 2, v)
    }
    this.length = i + 1
  }
}
