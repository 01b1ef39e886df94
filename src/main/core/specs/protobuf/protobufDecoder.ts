import type { Type } from 'protobufjs'
import type { ProtobufSpec } from '../../api/keyValueSpec'
import type { PartDecoder } from '../partDecoder'
import { RecordDecodeError } from '../recordDecodeError'
import { SpecError, type DecoderContext, type RecordPart } from '../resolvePartDecoder'
import { compileMessage } from './compileMessage'
import { includeMatcher } from './includePaths'
import { loadProtoSource, loadRegistrySchema, type LoadedSchema } from './schemaLoader'
import { readSerdesFrame } from './serdesFrame'
import { WireCursor } from './wireCursor'

/** The decoder of a Protobuf key or value spec (see README.md). */
export async function createProtobufDecoder(part: RecordPart, spec: ProtobufSpec, context: DecoderContext): Promise<PartDecoder> {
  const where = `${part}Spec`
  const source = spec.source
  let schema: LoadedSchema
  if ('subject' in source) {
    schema = await loadRegistrySchema(context.registry(), where, source.subject, source.version ?? 'latest', source.messageName)
  } else {
    schema = loadProtoSource(where, source.proto, source.messageName)
  }
  return protobufDecoderFor(where, schema, spec.protocol, spec.include)
}

/** The decoder for an already parsed schema. */
export function protobufDecoderFor(where: string, schema: LoadedSchema, protocol: 'serdes' | 'raw', include?: readonly string[]): PartDecoder {
  let matcher
  try {
    matcher = includeMatcher(include)
  } catch (e) {
    throw new SpecError(`${where}: ${(e as Error).message}`)
  }
  const { columns, root } = compileMessage(schema.message, matcher)
  const c = new WireCursor()
  const serdes = protocol === 'serdes'
  const message = schema.message
  const firstIsOurs = schema.fileMessages[0] === message
  return {
    source: `protobuf ${message.fullName.slice(1)}${schema.origin ? ` from ${schema.origin}` : ''}`,
    columns: Object.freeze(columns.map((col) => Object.freeze({ ...col }))),
    decode(buf, start, end, writers, first) {
      if (buf === null) return root.writeNull(writers, first)
      let s = start
      if (serdes) {
        if (end - start >= 6 && buf[start] === 0 && buf[start + 5] === 0 && firstIsOurs) {
          s = start + 6
        } else {
          const frame = readSerdesFrame(c, buf, start, end)
          const named = messageAt(schema.fileMessages, frame.indexes)
          if (named !== message) {
            throw new RecordDecodeError(
              `message indexes [${frame.indexes.join(',')}] name ${named ? `'${named.fullName.slice(1)}'` : 'no message of the schema'}, not the configured '${message.fullName.slice(1)}'`
            )
          }
          s = frame.start
        }
      }
      c.reset(buf, s, end)
      root.reset()
      root.scan(c, s, end)
      c.end = end
      root.write(c, writers, first)
    }
  }
}

/** The message type that Confluent message indexes name within the schema file, or null. */
function messageAt(fileMessages: readonly Type[], indexes: readonly number[]): Type | null {
  let t: Type | undefined = fileMessages[indexes[0]]
  for (let i = 1; i < indexes.length && t !== undefined; i++) {
    t = t.nestedArray.filter((n): n is Type => 'fieldsArray' in n)[indexes[i]]
  }
  return t ?? null
}
