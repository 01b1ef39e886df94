/** Avro schema resolution rules: which writer type a reader type accepts. */
import { shortName, type AvroType, type NamedType } from './avroSchema'

const PROMOTIONS: Record<string, readonly string[]> = {
  int: ['int', 'long', 'float', 'double'],
  long: ['long', 'float', 'double'],
  float: ['float', 'double'],
  double: ['double'],
  string: ['string', 'bytes'],
  bytes: ['bytes', 'string'],
  boolean: ['boolean'],
  null: ['null']
}

/** Named types match by unqualified name or by a reader alias. */
export function namesMatch(w: NamedType, r: NamedType): boolean {
  if (shortName(w.name) === shortName(r.name)) return true
  return r.aliases.some((a) => a === w.name || shortName(a) === shortName(w.name))
}

/** True when a value of writer type `w` (not a union) can be read as reader type `r` (not a union). */
export function matches(w: AvroType, r: AvroType): boolean {
  switch (r.type) {
    case 'record':
    case 'enum':
      return w.type === r.type && namesMatch(w, r)
    case 'fixed':
      return w.type === 'fixed' && namesMatch(w, r) && w.size === r.size
    case 'array':
      return w.type === 'array'
    case 'map':
      return w.type === 'map'
    case 'union':
      return false
    default:
      return (PROMOTIONS[w.type] ?? []).includes(r.type)
  }
}

/** The reader union branch a writer type resolves to: an exact type match first, then the first promotable one; -1 if none. */
export function readerBranch(w: AvroType, branches: readonly AvroType[]): number {
  for (let i = 0; i < branches.length; i++) {
    const r = branches[i]
    if (r.type === w.type && (!('name' in r) || matches(w, r))) return i
  }
  for (let i = 0; i < branches.length; i++) if (matches(w, branches[i])) return i
  return -1
}

/** The non-null branch of a two-branch union with null, else null. */
export function nullableBranch(t: AvroType): AvroType | null {
  if (t.type !== 'union' || t.branches.length !== 2) return null
  const [a, b] = t.branches
  if (a.type === 'null' && b.type !== 'null') return b
  if (b.type === 'null' && a.type !== 'null') return a
  return null
}
