/** Test helpers: avsc-encoded payloads decoded into a LiveTable through createAvroDecoder. */
import type { Type } from 'avsc'
import { avsc as avro } from './avscModule'
import type { AvroSpec } from '../../api/keyValueSpec'
import { LiveTable } from '../../engine/liveTable'
import type { RegistryClient, RegistrySchema } from '../../registry/client'
import { RegistryError } from '../../registry/errors'
import type { PartDecoder } from '../partDecoder'
import type { DecoderContext } from '../resolvePartDecoder'
import { createAvroDecoder } from './avroDecoder'

/** avsc's long type with bigint values (exact beyond 2^53), as avsc's README shows. */
export const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint | number) => {
    const buf = Buffer.alloc(8)
    buf.writeBigInt64LE(BigInt(n))
    return buf
  },
  fromJSON: (v: number | string) => BigInt(v),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint' || typeof n === 'number',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1)
})

/** avsc ignores the registry for `{ type: 'long', ... }`: write those as plain 'long' (same binary). */
function plainLongs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(plainLongs)
  if (schema === null || typeof schema !== 'object') return schema
  const o = schema as Record<string, unknown>
  if (o.type === 'long' && !('name' in o)) return 'long'
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) out[k] = k === 'default' ? v : plainLongs(v)
  return out
}

export function avscType(schema: unknown): Type {
  return avro.Type.forSchema(plainLongs(schema) as Parameters<typeof avro.Type.forSchema>[0], { wrapUnions: false, registry: { long: bigintLong } })
}

export function confluentFrame(id: number, body: Buffer): Buffer {
  const head = Buffer.alloc(5)
  head.writeInt32BE(id, 1)
  return Buffer.concat([head, body])
}

/** An in-memory registry: schemas by id; `down` makes every call fail as unreachable. */
export class FakeRegistry {
  readonly schemas = new Map<number, string>()
  readonly subjects = new Map<string, number[]>()
  down = false
  calls = 0

  add(id: number, schema: unknown, subject?: string): void {
    this.schemas.set(id, typeof schema === 'string' ? schema : JSON.stringify(schema))
    if (subject) this.subjects.set(subject, [...(this.subjects.get(subject) ?? []), id])
  }

  client(): RegistryClient {
    const get = async (id: number): Promise<RegistrySchema> => {
      this.calls++
      if (this.down) throw new RegistryError('REGISTRY_UNREACHABLE', 'no registry URL answered (http://fake)', { schemaId: id })
      const schema = this.schemas.get(id)
      if (schema === undefined) throw new RegistryError('SCHEMA_NOT_FOUND', `schema id ${id} not found`, { schemaId: id })
      return { id, schemaType: 'AVRO', schema, references: [] }
    }
    const client: Partial<RegistryClient> = {
      urls: ['http://fake'],
      getSchemaById: get,
      getSubjectVersion: async (subject, version = 'latest') => {
        if (this.down) throw new RegistryError('REGISTRY_UNREACHABLE', 'no registry URL answered (http://fake)', { subject })
        const ids = this.subjects.get(subject)
        if (!ids) throw new RegistryError('SUBJECT_NOT_FOUND', `subject '${subject}' not found`, { subject })
        const v = version === 'latest' ? ids.length : version
        const id = ids[v - 1]
        return { ...(await get(id)), subject, version: v }
      },
      getReferencedSchemas: async () => []
    }
    return client as RegistryClient
  }
}

export function context(registry?: FakeRegistry): DecoderContext {
  return {
    table: {} as DecoderContext['table'],
    registry: () => {
      if (!registry) throw new Error('no registry in this test')
      return registry.client()
    }
  }
}

export interface Decoded {
  rows: Record<string, unknown>[]
  errors: string[]
  fieldErrors: string[]
}

/** Decodes payloads (loading missing schemas first, like the ingester); bad records are listed, not thrown. */
export async function decodeWith(decoder: PartDecoder, payloads: (Buffer | null)[]): Promise<Decoded> {
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  const ids = new Set<number>()
  for (const p of payloads) {
    const id = p && decoder.missingSchema ? decoder.missingSchema(p, 0, p.length) : -1
    if (id >= 0) ids.add(id)
  }
  if (ids.size > 0) await decoder.loadSchemas?.([...ids])
  const errors: string[] = []
  const fieldErrors: string[] = []
  for (const p of payloads) {
    table.beginRow()
    try {
      decoder.decode(p, 0, p?.length ?? 0, table.writers, 0, (field, reason) => fieldErrors.push(`${field}: ${reason}`))
      table.commitRow()
    } catch (e) {
      table.abortRow()
      errors.push((e as Error).message)
    }
  }
  table.flush()
  return { rows: table.rows(), errors, fieldErrors }
}

export async function decodeRaw(spec: AvroSpec, payloads: (Buffer | null)[]): Promise<Decoded> {
  return decodeWith(await createAvroDecoder('value', spec, context()), payloads)
}
