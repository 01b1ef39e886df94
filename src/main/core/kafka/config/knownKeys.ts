import { classifyKey, suggestKey, UNSUPPORTED_KEYS } from './keys'
import type { PropertyReader } from './reader'

const DOCS = 'docs/kafka-properties.md lists the supported properties'

/**
 * Reports every property that is not understood (with a suggestion when it looks like a typo) and every
 * known property that cannot be honoured. Returns the known-but-inapplicable keys that are set.
 */
export function checkKnownKeys(reader: PropertyReader): { ignoredKeys: string[] } {
  const ignoredKeys: string[] = []
  for (const key of reader.keys()) {
    switch (classifyKey(key)) {
      case 'ignored':
        if (reader.isSet(key)) ignoredKeys.push(key)
        break
      case 'unsupported':
        reader.problems.add(key, `is not supported: ${UNSUPPORTED_KEYS[key]}`)
        break
      case 'unknown':
        reader.problems.add(key, unknownKeyProblem(key))
        break
      default:
        break
    }
  }
  return { ignoredKeys }
}

function unknownKeyProblem(key: string): string {
  if (key.trim() === '') return `an empty property name is not valid; remove it (${DOCS}).`
  const suggestion = suggestKey(key)
  const what = key.startsWith('deephaven.') ? 'is not a Deephaven table property' : 'is not a known Kafka consumer property'
  if (suggestion !== undefined && suggestion !== key) return `${what}. Did you mean '${suggestion}'?`
  return `${what}; remove it (${DOCS}).`
}
