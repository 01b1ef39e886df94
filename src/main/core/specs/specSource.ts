import type { KeyValueSpec } from '../api/keyValueSpec'
import type { PartDecoder } from './partDecoder'

/** How a table reads its key or value, as resolved when it opened: `ignore`, `Price: float64`, `avro orders-value v3 (id 12)`. */
export function specSource(spec: KeyValueSpec, decoder: PartDecoder | null): string {
  if (decoder === null) return 'ignore'
  if (decoder.source !== undefined) return decoder.source
  const columns = decoder.columns
  const count = `${columns.length} column${columns.length === 1 ? '' : 's'}`
  switch (spec.kind) {
    case 'simple':
      return `${columns[0].name}: ${columns[0].type}`
    case 'fromProperties':
      return `${columns[0].name}: ${columns[0].type} (from properties)`
    case 'json':
      return `json (${count})`
    case 'objectProcessor':
      return spec.provider.description ?? `object processor (${count})`
    default:
      return `${spec.kind} (${count})`
  }
}
