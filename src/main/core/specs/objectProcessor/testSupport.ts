import { objectProcessorSpec, type ObjectProcessorProvider } from '../../api/objectProcessorSpec'
import { LiveTable } from '../../engine/liveTable'
import { RecordDecodeError } from '../recordDecodeError'
import { createObjectProcessorDecoder } from './objectProcessorDecoder'

export interface Decoded {
  rows: Record<string, unknown>[]
  fieldErrors: [string, string][]
  /** Per payload: the RecordDecodeError's message, or null when the row was committed. */
  errors: (string | null)[]
}

/** Decodes each payload (text, or null for a Kafka null) through a LiveTable; record errors roll the row back. */
export function decodeWith(provider: ObjectProcessorProvider, payloads: (string | null)[]): Decoded {
  const decoder = createObjectProcessorDecoder(objectProcessorSpec(provider))
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  const fieldErrors: [string, string][] = []
  const errors: (string | null)[] = []
  for (const payload of payloads) {
    const buf = payload === null ? null : Buffer.from(payload)
    table.beginRow()
    try {
      decoder.decode(buf, 0, buf?.length ?? 0, table.writers, 0, (field, reason) => fieldErrors.push([field, reason]))
      table.commitRow()
      errors.push(null)
    } catch (e) {
      table.abortRow()
      if (!(e instanceof RecordDecodeError)) throw e
      errors.push(e.message)
    }
  }
  table.flush()
  return { rows: table.rows(), fieldErrors, errors }
}
