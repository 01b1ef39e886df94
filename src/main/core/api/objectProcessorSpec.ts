import type { ColumnWriter } from '../engine/columnWriter'
import type { ColumnDef } from '../types'

/**
 * One output column as a provider sees it: append exactly one value (or null) per record. The methods and what they
 * accept per column type are ColumnWriter's (engine/columnWriter.ts): appendNull, appendNumber, appendInt64,
 * appendBigInt, appendBool, appendString, appendUtf8.
 */
export type ColumnOut = ColumnWriter

/** Where a provider writes the columns of one record. */
export interface ColumnSink {
  /** Output column `i` (0-based, in the order of the provider's columns()). */
  column(i: number): ColumnOut
  /**
   * A field present but not convertible: the provider appends null to column `i` itself and calls this; the row is
   * kept and the error is reported (kind 'field') once the record is done. Ignored when process() throws.
   */
  fieldError(i: number, reason: string): void
}

/**
 * Decodes a record's key or value bytes straight into columns (Deephaven's ObjectProcessor / NamedObjectProcessor
 * provider). See specs/objectProcessor/README.md.
 */
export interface ObjectProcessorProvider {
  /** What it reads, for the table's `sources` (`json object (3 fields)`); default `object processor (N columns)`. */
  readonly description?: string
  /** The output columns, in order; called once when the table is created. */
  columns(): readonly ColumnDef[]
  /**
   * Decodes `buf[start..end)` (`buf` is null for a Kafka null, e.g. a tombstone) and appends exactly one value or
   * null to every column through `out`. For a bad record throw a RecordDecodeError (any other Error is turned into
   * one); the row is rolled back and the table's onError policy applies.
   */
  process(buf: Buffer | null, start: number, end: number, out: ColumnSink): void
}

/** A key or value decoded by an object-processor provider. */
export interface ObjectProcessorSpec {
  readonly kind: 'objectProcessor'
  readonly provider: ObjectProcessorProvider
}

/** Deephaven's object_processor_spec(provider). Throws a TypeError when `provider` lacks columns() or process(). */
export function objectProcessorSpec(provider: ObjectProcessorProvider): ObjectProcessorSpec {
  const p = provider as Partial<ObjectProcessorProvider> | null | undefined
  if (p === null || typeof p !== 'object' || typeof p.columns !== 'function' || typeof p.process !== 'function') {
    throw new TypeError('objectProcessorSpec(provider): provider must have columns() and process(buf, start, end, out) methods')
  }
  return Object.freeze({ kind: 'objectProcessor', provider })
}
