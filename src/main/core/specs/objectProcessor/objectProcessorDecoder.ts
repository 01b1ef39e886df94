import type { ColumnOut, ColumnSink, ObjectProcessorSpec } from '../../api/objectProcessorSpec'
import type { ColumnWriter } from '../../engine/columnWriter'
import { COLUMN_TYPES_TEXT, type ColumnDef, isColumnType } from '../../types'
import type { FieldErrorReporter, PartDecoder } from '../partDecoder'
import { RecordDecodeError } from '../recordDecodeError'

/**
 * A PartDecoder running an object-processor provider: checks its columns once, then hands every record's bytes to
 * provider.process() with a sink over the part's writers. Throws a TypeError for bad columns.
 */
export function createObjectProcessorDecoder(spec: ObjectProcessorSpec): PartDecoder {
  return new ObjectProcessorDecoder(spec)
}

function checkColumns(columns: unknown): ColumnDef[] {
  if (!Array.isArray(columns) || columns.length === 0) throw new TypeError('provider.columns() must return a non-empty array of { name, type }')
  const seen = new Set<string>()
  return columns.map((c: unknown, i) => {
    const { name, type } = (c ?? {}) as { name?: unknown; type?: unknown }
    if (typeof name !== 'string' || name.length === 0) throw new TypeError(`provider.columns()[${i}]: name must be a non-empty string`)
    if (!isColumnType(type)) throw new TypeError(`provider column '${name}': unknown type '${String(type)}'; expected one of ${COLUMN_TYPES_TEXT}`)
    if (seen.has(name)) throw new TypeError(`provider column '${name}' is given twice`)
    seen.add(name)
    return { name, type } as ColumnDef
  })
}

class Sink implements ColumnSink {
  writers: readonly ColumnWriter[] = []
  first = 0
  readonly errorColumns: number[] = []
  readonly errorReasons: string[] = []

  constructor(private readonly count: number) {}

  column(i: number): ColumnOut {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`column(${i}): the provider has ${this.count} columns`)
    return this.writers[this.first + i]
  }

  fieldError(i: number, reason: string): void {
    this.errorColumns.push(i)
    this.errorReasons.push(reason)
  }
}

class ObjectProcessorDecoder implements PartDecoder {
  readonly columns: readonly ColumnDef[]
  private readonly sink: Sink

  constructor(private readonly spec: ObjectProcessorSpec) {
    this.columns = Object.freeze(checkColumns(spec.provider.columns()))
    this.sink = new Sink(this.columns.length)
  }

  decode(buf: Buffer | null, start: number, end: number, writers: readonly ColumnWriter[], first: number, onFieldError?: FieldErrorReporter): void {
    const sink = this.sink
    sink.writers = writers
    sink.first = first
    try {
      this.spec.provider.process(buf, start, end, sink)
    } catch (e) {
      sink.errorColumns.length = 0
      sink.errorReasons.length = 0
      if (e instanceof RecordDecodeError) throw e
      throw new RecordDecodeError(`provider failed: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (sink.errorColumns.length > 0) this.report(onFieldError)
  }

  private report(onFieldError: FieldErrorReporter | undefined): void {
    const columns = this.sink.errorColumns.splice(0)
    const reasons = this.sink.errorReasons.splice(0)
    if (onFieldError === undefined) return
    for (let k = 0; k < columns.length; k++) onFieldError(this.columns[columns[k]]?.name ?? `#${columns[k]}`, reasons[k])
  }
}
