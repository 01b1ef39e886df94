/**
 * The Avro key/value decoder: Confluent framing (magic byte 0, 4-byte big-endian schema id) with writer schemas
 * fetched by id and resolved against the reader schema, or plain Avro binary ('none') read with the reader schema.
 */
import type { AvroSpec } from '../../api/keyValueSpec'
import type { ColumnWriter } from '../../engine/columnWriter'
import type { RegistryClient } from '../../registry/client'
import type { FieldErrorReporter, PartDecoder } from '../partDecoder'
import { RecordDecodeError } from '../recordDecodeError'
import { SpecError, type DecoderContext, type RecordPart } from '../resolvePartDecoder'
import { planColumns, type ColumnPlan } from './avroColumns'
import { compileRoot, nullsInto, type Sink } from './avroCompile'
import * as c from './avroCursor'
import { setFieldErrorReporter } from './avroFieldErrors'
import { loadReaderSchema, type LoadedSchema } from './avroReaderSchema'
import type { RecordType } from './avroSchema'
import { WriterSchemas } from './writerSchemas'

export async function createAvroDecoder(part: RecordPart, spec: AvroSpec, context: DecoderContext): Promise<PartDecoder> {
  let reader: LoadedSchema
  try {
    reader = await loadReaderSchema(spec, () => context.registry())
  } catch (e) {
    if (e instanceof SpecError) throw e
    throw new SpecError(`${part}Spec: cannot load the Avro schema '${spec.schema}'${isLiteral(spec) ? '' : ` version ${spec.version}`}: ${(e as Error).message}`)
  }
  let plan: ColumnPlan
  try {
    plan = planColumns(reader.type, spec.mapping, spec.mappedOnly === true)
  } catch (e) {
    throw new SpecError(`${part}Spec: ${(e as Error).message}`)
  }
  const root = reader.type as RecordType
  if (spec.framing === 'none') {
    let sink: Sink
    try {
      sink = compileRoot(root, root, plan.root)
    } catch (e) {
      throw new SpecError(`${part}Spec: ${(e as Error).message}`)
    }
    return new AvroDecoder(`avro ${reader.source}, no framing`, plan, () => sink)
  }
  const registry: RegistryClient = context.registry()
  const writers = new WriterSchemas(registry, root, plan.root)
  if (reader.id !== undefined) writers.add(reader.id, compileRoot(root, root, plan.root))
  return new AvroDecoder(`avro ${reader.source}`, plan, (buf, start, end) => writers.sinkFor(frameId(buf, start, end)), writers)
}

function isLiteral(spec: AvroSpec): boolean {
  return spec.schema.trim().startsWith('{')
}

/** The schema id of a Confluent frame; throws RecordDecodeError for a bad frame. */
function frameId(buf: Buffer, start: number, end: number): number {
  if (end - start < 5) throw new RecordDecodeError(`truncated Confluent frame: ${end - start} bytes, need at least 5 (magic byte and schema id)`)
  if (buf[start] !== 0) throw new RecordDecodeError(`unknown magic byte 0x${buf[start].toString(16).padStart(2, '0')} (Confluent framing starts with 0x00)`)
  return buf.readInt32BE(start + 1)
}

class AvroDecoder implements PartDecoder {
  readonly columns
  private readonly nulls: Sink
  private readonly headerSize: number

  constructor(
    readonly source: string,
    plan: ColumnPlan,
    private readonly sinkFor: (buf: Buffer, start: number, end: number) => Sink,
    writers?: WriterSchemas
  ) {
    this.columns = Object.freeze(plan.columns.map((col) => Object.freeze({ ...col })))
    this.nulls = nullsInto(plan.columns.map((_, i) => i))
    this.headerSize = writers ? 5 : 0
    if (writers) {
      this.missingSchema = (buf, start, end) => (end - start >= 5 && buf[start] === 0 ? writers.missing(buf.readInt32BE(start + 1)) : -1)
      this.loadSchemas = (ids) => writers.load(ids)
    }
  }

  readonly missingSchema?: (buf: Buffer, start: number, end: number) => number
  readonly loadSchemas?: (ids: readonly number[]) => Promise<void>

  decode(buf: Buffer | null, start: number, end: number, ws: readonly ColumnWriter[], first: number, onFieldError?: FieldErrorReporter): void {
    if (buf === null) {
      this.nulls(ws, first)
      return
    }
    const sink = this.sinkFor(buf, start, end)
    c.setInput(buf, start + this.headerSize, end)
    setFieldErrorReporter(onFieldError)
    try {
      sink(ws, first)
    } catch (e) {
      if (e instanceof RecordDecodeError) throw e
      throw new RecordDecodeError(`bad Avro record: ${(e as Error).message}`)
    } finally {
      setFieldErrorReporter(undefined)
    }
    if (c.cur.pos !== end) throw new RecordDecodeError(`${end - c.cur.pos} bytes left over after the Avro record (writer and reader schemas disagree?)`)
  }
}
