import type { ColumnWriter } from '../engine/columnWriter'
import type { ColumnDef } from '../types'

/** Decodes a record's key or value into its columns. */
export interface PartDecoder {
  readonly columns: readonly ColumnDef[]
  /**
   * Appends exactly one value (or null) to each of `writers[first] .. writers[first + columns.length - 1]`.
   * Throws RecordDecodeError for bad input; the caller rolls the row back.
   */
  decode(payload: Buffer | null, writers: readonly ColumnWriter[], first: number): void
}
