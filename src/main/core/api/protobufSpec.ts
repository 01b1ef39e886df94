import type { ProtobufSpec } from './keyValueSpec'
import { parseIncludePath } from '../specs/protobuf/includePaths'

export type ProtobufSource = ProtobufSpec['source']

export interface ProtobufSpecOptions {
  /** 'serdes' (Confluent framing with message indexes) or 'raw'; default 'serdes' for a subject, 'raw' for .proto text or files. */
  protocol?: 'serdes' | 'raw'
  /** Field paths to keep ('/a/b' keeps a.b; '/a/*' everything under a); all when absent. */
  include?: readonly string[]
}

/**
 * Protobuf messages decoded into columns (see specs/protobuf/README.md). `source` is a registry subject
 * `{ subject, version?, messageName? }` (version 'latest' by default, the schema's first message by default) or
 * `{ proto, messageName }` with .proto text or file paths. Throws a TypeError naming the bad argument.
 */
export function protobufSpec(source: ProtobufSource, options: ProtobufSpecOptions = {}): ProtobufSpec {
  if (source === null || typeof source !== 'object') throw new TypeError('protobufSpec(source): source must be { subject, version?, messageName? } or { proto, messageName }')
  const hasSubject = 'subject' in source && source.subject !== undefined
  const hasProto = 'proto' in source && source.proto !== undefined
  if (hasSubject === hasProto) throw new TypeError('protobufSpec(source): give exactly one of subject or proto')
  let src: ProtobufSource
  if ('subject' in source) {
    const { subject, version, messageName } = source
    if (typeof subject !== 'string' || subject.length === 0) throw new TypeError('protobufSpec: subject must be a non-empty string')
    if (version !== undefined && version !== 'latest' && !(Number.isInteger(version) && version > 0)) {
      throw new TypeError(`protobufSpec('${subject}'): version must be 'latest' or a positive integer, got ${String(version)}`)
    }
    checkMessageName(messageName, false)
    src = Object.freeze({ subject, ...(version !== undefined ? { version } : {}), ...(messageName !== undefined ? { messageName } : {}) })
  } else {
    const { proto, messageName } = source
    const list = typeof proto === 'string' ? [proto] : proto
    if (!Array.isArray(list) || list.length === 0 || list.some((p) => typeof p !== 'string' || p.length === 0)) {
      throw new TypeError('protobufSpec: proto must be .proto text, a file path, or a non-empty list of them')
    }
    checkMessageName(messageName, true)
    src = Object.freeze({ proto: typeof proto === 'string' ? proto : Object.freeze([...list]), messageName: messageName as string })
  }
  const protocol = options.protocol ?? (hasSubject ? 'serdes' : 'raw')
  if (protocol !== 'serdes' && protocol !== 'raw') throw new TypeError(`protobufSpec: protocol must be 'serdes' or 'raw', got '${String(protocol)}'`)
  const include = options.include
  if (include !== undefined) {
    if (!Array.isArray(include)) throw new TypeError('protobufSpec: include must be a list of paths')
    for (const p of include) parseIncludePath(p)
  }
  return Object.freeze({ kind: 'protobuf', source: src, protocol, ...(include !== undefined ? { include: Object.freeze([...include]) } : {}) })
}

function checkMessageName(name: unknown, required: boolean): void {
  if (name === undefined && !required) return
  if (typeof name !== 'string' || !/^\.?[A-Za-z_][\w.]*$/.test(name)) {
    throw new TypeError(`protobufSpec: messageName must be a (fully qualified) message name, got ${String(name)}`)
  }
}
