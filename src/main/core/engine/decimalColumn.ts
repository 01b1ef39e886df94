import { Buffer } from 'node:buffer'
import type { ColumnType } from '../types'
import { isDecimalText } from './decimalText'
import { StringColumn } from './stringColumn'
import { checkByteRange } from './utf8'

/**
 * decimal: exact values as canonical decimal text (decimalText.ts) in string storage, dictionary-encoded per chunk
 * while values repeat; any precision, any scale per value. A text that is not canonical throws a RangeError.
 */
export class DecimalColumn extends StringColumn {
  override readonly type: ColumnType = 'decimal'

  override appendString(s: string): void {
    if (typeof s !== 'string' || !isDecimalText(s)) throw new RangeError(`column "${this.name}" (decimal): ${String(s)} is not a canonical decimal`)
    super.appendString(s)
  }

  override appendUtf8(bytes: Uint8Array, start: number, end: number): void {
    checkByteRange(bytes, start, end)
    this.appendString(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'))
  }
}
