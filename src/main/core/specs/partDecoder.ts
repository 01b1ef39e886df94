import type { ColumnWriter } from '../engine/columnWriter'
import type { ColumnDef } from '../types'

/**
 * Called for a field that is present but cannot be converted to its column's type: the column gets null and the
 * row is still committed. `field` is the column name; `reason` says what was found.
 */
export type FieldErrorReporter = (field: string, reason: string) => void

/** Decodes a record's key or value into its columns. */
export interface PartDecoder {
  readonly columns: readonly ColumnDef[]
  /** What it reads with as resolved when the table opened, when the spec alone does not say: `avro orders-value v3 (id 12)`. */
  readonly source?: string
  /**
   * Decodes bytes [start, end) of `buf` (null when the record's key or value is null) and appends exactly one
   * value or null to each of `writers[first] .. writers[first + columns.length - 1]`.
   * Throws RecordDecodeError for bad input; the caller rolls the row back.
   */
  decode(buf: Buffer | null, start: number, end: number, writers: readonly ColumnWriter[], first: number, onFieldError?: FieldErrorReporter): void
  /**
   * For payloads that name their writer schema (Confluent framing): the schema id this payload needs when it is
   * not loaded yet, else -1. Called for every record of a batch before the batch is decoded.
   */
  missingSchema?(buf: Buffer, start: number, end: number): number
  /**
   * Fetches and prepares these schema ids; resolves when done. An id that cannot be loaded (registry unreachable,
   * unknown id) must not reject: remember the failure, and make `decode` of such a record throw a RecordDecodeError
   * naming the id and the reason (and retry the id on a later batch).
   */
  loadSchemas?(ids: readonly number[]): Promise<void>
}
