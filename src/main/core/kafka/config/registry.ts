import { classifyKey } from './keys'
import type { PropertyReader } from './reader'

/** The schema-registry settings, as text, untouched (a later feature validates them). Null values are left out. */
export function collectRegistry(reader: PropertyReader): Record<string, string> {
  const registry: Record<string, string> = {}
  for (const key of reader.keys()) {
    if (classifyKey(key) !== 'registry') continue
    const value = reader.raw(key)
    if (value === undefined) continue
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') registry[key] = String(value)
    else reader.problems.add(key, 'must be text, a number or a boolean.')
  }
  return registry
}
