import { readFileSync, existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import protobuf, { Type, type Namespace, type Root } from 'protobufjs'
import type { RegistryClient } from '../../registry/client'
import { SpecError } from '../resolvePartDecoder'

/** A parsed schema: the configured message and the top-level messages of its main file, in declaration order. */
export interface LoadedSchema {
  message: Type
  fileMessages: Type[]
  /** Where it came from, for a registry schema: `orders-value v2 (id 7)`. */
  origin?: string
}

interface ProtoFile {
  name: string
  text: string
}

type ImportResolver = (importName: string, from: string) => ProtoFile | undefined

const PARSE_OPTIONS = { keepCase: true }

/** Fetches a PROTOBUF subject version and its references from the registry. */
export async function loadRegistrySchema(
  client: RegistryClient,
  where: string,
  subject: string,
  version: 'latest' | number,
  messageName?: string
): Promise<LoadedSchema> {
  const sv = await client.getSubjectVersion(subject, version)
  if (sv.schemaType !== 'PROTOBUF') throw new SpecError(`${where}: Expected schema type PROTOBUF but was ${sv.schemaType} (subject '${subject}' version ${sv.version})`)
  const refs = sv.references.length > 0 ? await client.getReferencedSchemas(sv.references) : []
  const byName = new Map(refs.map((r) => [r.name, { name: r.name, text: r.schema }]))
  return { ...buildSchema(where, { name: `${subject}.proto`, text: sv.schema }, [], (name) => byName.get(name), messageName), origin: `${sv.subject} v${sv.version} (id ${sv.id})` }
}

/** Parses inline .proto text or .proto files (imports resolved next to the importing file, then the given files). */
export function loadProtoSource(where: string, proto: string | readonly string[], messageName: string): LoadedSchema {
  const entries = (typeof proto === 'string' ? [proto] : [...proto]).map((p, i) => (isProtoText(p) ? { name: `inline${i}.proto`, text: p } : readProto(where, p)))
  if (entries.length === 0) throw new SpecError(`${where}: no .proto text or file given`)
  const dirs = entries.filter((e) => !e.name.startsWith('inline')).map((e) => dirname(e.name))
  const resolver: ImportResolver = (name, from) => {
    for (const dir of [dirname(from), ...dirs, process.cwd()]) {
      const path = resolve(dir, name)
      if (existsSync(path)) return { name: path, text: readFileSync(path, 'utf8') }
    }
    return undefined
  }
  return buildSchema(where, entries[0], entries.slice(1), resolver, messageName)
}

function isProtoText(s: string): boolean {
  return /[\n{;]/.test(s)
}

function readProto(where: string, path: string): ProtoFile {
  const name = resolve(path)
  try {
    return { name, text: readFileSync(name, 'utf8') }
  } catch (e) {
    throw new SpecError(`${where}: cannot read .proto file '${path}': ${(e as Error).message}`)
  }
}

function buildSchema(where: string, main: ProtoFile, extra: readonly ProtoFile[], resolver: ImportResolver, messageName?: string): LoadedSchema {
  const root = new protobuf.Root()
  const loaded = new Set<string>()
  let topNames: string[]
  try {
    const alone = protobuf.parse(main.text, new protobuf.Root(), PARSE_OPTIONS)
    const pkg = alone.package ? alone.root.lookup(alone.package) : alone.root
    topNames = pkg && 'nestedArray' in pkg ? (pkg as Namespace).nestedArray.filter((n) => n instanceof Type).map((n) => n.fullName) : []
    parseFile(root, main, loaded, resolver)
    for (const file of extra) parseFile(root, file, loaded, resolver)
    root.resolveAll()
  } catch (e) {
    if (e instanceof SpecError) throw e
    throw new SpecError(`${where}: cannot parse the Protobuf schema: ${(e as Error).message}`)
  }
  const fileMessages = topNames.map((n) => root.lookupType(n))
  if (fileMessages.length === 0) throw new SpecError(`${where}: the Protobuf schema defines no message`)
  let message = fileMessages[0]
  if (messageName !== undefined) {
    const found = lookupMessage(root, messageName)
    if (found === null) throw new SpecError(`${where}: message '${messageName}' is not in the Protobuf schema (it has ${fileMessages.map((t) => t.fullName.slice(1)).join(', ')})`)
    message = found
  }
  return { message, fileMessages }
}

function lookupMessage(root: Root, name: string): Type | null {
  const n = name.startsWith('.') ? name : `.${name}`
  const found = root.lookup(n)
  if (found instanceof Type) return found
  const any = root.lookup(name)
  return any instanceof Type ? any : null
}

/** Parses a file into `root` after its imports (protobufjs caches failed lookups, so dependencies go first). */
function parseFile(root: Root, file: ProtoFile, loaded: Set<string>, resolver: ImportResolver): void {
  if (loaded.has(file.name)) return
  loaded.add(file.name)
  const alone = protobuf.parse(file.text, new protobuf.Root(), PARSE_OPTIONS)
  for (const name of [...(alone.imports ?? []), ...(alone.weakImports ?? [])]) {
    if (loaded.has(name)) continue
    const dep = resolver(name, file.name)
    if (dep !== undefined) {
      parseFile(root, dep, loaded, resolver)
      loaded.add(name)
      continue
    }
    const common = protobuf.common.get(name) as { nested?: Record<string, unknown> } | null
    if (common?.nested) {
      loaded.add(name)
      root.addJSON(common.nested as never)
      continue
    }
    throw new SpecError(`cannot resolve the Protobuf import '${name}' of '${file.name}'`)
  }
  protobuf.parse(file.text, root, PARSE_OPTIONS)
}
