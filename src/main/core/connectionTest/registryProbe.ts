import { createRegistryClient } from '../registry'
import type { ConnectionReport } from '../../../shared/model/connectionTest'

type Check = ConnectionReport['registry']

const TIMEOUT_KEY = 'schema.registry.request.timeout.ms'

/** Lists the subjects of the registry the properties point at; skipped when there is no schema.registry.url. */
export async function probeRegistry(properties: Readonly<Record<string, string>>, timeoutMs: number): Promise<Check> {
  const url = properties['schema.registry.url']
  if (url === undefined || url.trim() === '') return { status: 'skipped', detail: 'No schema registry URL set.' }
  let client
  try {
    client = createRegistryClient({ ...properties, [TIMEOUT_KEY]: properties[TIMEOUT_KEY] ?? String(timeoutMs) }, { subjectCacheTtlMs: 0 })
  } catch (e) {
    return { status: 'failed', failure: 'REGISTRY', detail: `The registry settings are invalid: ${(e as Error).message}` }
  }
  try {
    const subjects = await client.listSubjects()
    const count = subjects.length
    return { status: 'ok', detail: `Answered at ${client.urls.join(', ')}: ${count} subject${count === 1 ? '' : 's'}.` }
  } catch (e) {
    return { status: 'failed', failure: 'REGISTRY', detail: (e as Error).message }
  } finally {
    client.close()
  }
}
