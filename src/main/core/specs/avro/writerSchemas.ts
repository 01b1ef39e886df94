/**
 * Writer schemas by Confluent schema id: fetched from the registry, compiled against the reader schema, cached.
 * A failed id is remembered (decode of its records throws a RecordDecodeError naming the id and the reason);
 * registry failures are retried on a later batch after a backoff, incompatible schemas are not.
 */
import { RegistryError } from '../../registry/errors'
import type { RegistryClient } from '../../registry/client'
import { RecordDecodeError } from '../recordDecodeError'
import type { RecordPlan } from './avroColumns'
import { compileRoot, type Sink } from './avroCompile'
import { parseRegistrySchema } from './avroReaderSchema'
import type { RecordType } from './avroSchema'

export const RETRY_BACKOFF_MS = 1000

interface Failure {
  readonly reason: string
  readonly at: number
  readonly retry: boolean
}

export class WriterSchemas {
  private readonly sinks = new Map<number, Sink>()
  private readonly failures = new Map<number, Failure>()

  constructor(
    private readonly registry: RegistryClient,
    private readonly reader: RecordType,
    private readonly plan: RecordPlan,
    private readonly now: () => number = Date.now,
    private readonly backoffMs = RETRY_BACKOFF_MS
  ) {}

  add(id: number, sink: Sink): void {
    this.sinks.set(id, sink)
  }

  /** The id when it is not loaded, else -1. */
  missing(id: number): number {
    return this.sinks.has(id) ? -1 : id
  }

  sinkFor(id: number): Sink {
    const sink = this.sinks.get(id)
    if (sink) return sink
    const failure = this.failures.get(id)
    throw new RecordDecodeError(failure ? `writer schema id ${id}: ${failure.reason}` : `writer schema id ${id} is not loaded`)
  }

  async load(ids: readonly number[]): Promise<void> {
    const todo = [...new Set(ids)].filter((id) => {
      if (this.sinks.has(id)) return false
      const f = this.failures.get(id)
      return !f || (f.retry && this.now() - f.at >= this.backoffMs)
    })
    await Promise.all(todo.map((id) => this.loadOne(id)))
  }

  private async loadOne(id: number): Promise<void> {
    let stage = 'fetch'
    try {
      const schema = await this.registry.getSchemaById(id, { expectedType: 'AVRO' })
      stage = 'parse'
      const writer = await parseRegistrySchema(this.registry, schema)
      stage = 'resolve'
      this.sinks.set(id, compileRoot(writer, this.reader, this.plan))
      this.failures.delete(id)
    } catch (e) {
      const message = (e as Error).message
      const retry = e instanceof RegistryError && e.code !== 'WRONG_SCHEMA_TYPE'
      const reason = stage === 'resolve' ? `cannot be read with the reader schema: ${message}` : stage === 'parse' ? `invalid schema: ${message}` : `registry error: ${message}`
      this.failures.set(id, { reason, at: this.now(), retry })
    }
  }
}
