import type { registry } from '../../../shared/contracts/registry'
import type { ImplOf } from '../../../shared/ipc/contract'
import type { Compatibility, SubjectSummary, SubjectVersion } from '../../../shared/model/registry'
import type { ConnectionResolver } from '../profiles/connectionResolver'
import { RegistryError, createRegistryClient, hasRegistrySettings, isRegistryKey, type RegistryClient } from '../registry'
import { mapWithConcurrency } from './mapWithConcurrency'
import { noRegistryError, registryAppError } from './registryErrors'

export interface RegistryServiceOptions {
  /** The profile's name for messages (falls back to its id). */
  profileName?: (profileId: string) => string
  /** How many subjects' latest versions are fetched at once when listing. Default 8. */
  concurrency?: number
  createClient?: (properties: Record<string, string>) => RegistryClient
}

/** Errors that only mean "this subject went away while listing": the subject is left out. */
const GONE = new Set(['SUBJECT_NOT_FOUND', 'VERSION_NOT_FOUND', 'WRONG_SCHEMA_TYPE'])

/** The registry browser's data: the profile's schema.registry.url and auth, through registry/client.ts. */
export class RegistryService implements ImplOf<typeof registry> {
  /** One client per profile, replaced when the profile's registry settings change. */
  private readonly clients = new Map<string, { key: string; client: RegistryClient }>()
  private readonly concurrency: number
  private readonly createClient: (properties: Record<string, string>) => RegistryClient

  constructor(
    private readonly connections: ConnectionResolver,
    private readonly options: RegistryServiceOptions = {}
  ) {
    this.concurrency = options.concurrency ?? 8
    // The browser shows what the registry holds now: no TTL cache, only shared in-flight requests.
    this.createClient = options.createClient ?? ((props) => createRegistryClient(props, { subjectCacheTtlMs: 0, userAgent: 'topic-tables-registry-browser' }))
  }

  listSubjects({ profileId }: { profileId: string }): Promise<{ subjects: SubjectSummary[] }> {
    return this.withClient(profileId, async (client) => {
      const names = await client.listSubjects()
      const latest = await mapWithConcurrency(names, this.concurrency, async (subject) => {
        try {
          return await client.getSubjectVersion(subject, 'latest')
        } catch (err) {
          if (err instanceof RegistryError && GONE.has(err.code)) return undefined
          throw err
        }
      })
      const subjects = latest
        .filter((sv) => sv !== undefined)
        .map((sv) => ({ subject: sv.subject, schemaType: sv.schemaType, latestVersion: sv.version, id: sv.id }))
        .sort((a, b) => a.subject.localeCompare(b.subject))
      return { subjects }
    })
  }

  listVersions({ profileId, subject }: { profileId: string; subject: string }): Promise<{ versions: number[] }> {
    return this.withClient(profileId, async (client) => ({ versions: [...(await client.listVersions(subject))].sort((a, b) => a - b) }))
  }

  getSchema({ profileId, subject, version }: { profileId: string; subject: string; version: 'latest' | number }): Promise<SubjectVersion> {
    return this.withClient(profileId, async (client) => {
      const sv = await client.getSubjectVersion(subject, version)
      return {
        subject: sv.subject,
        version: sv.version,
        id: sv.id,
        schemaType: sv.schemaType,
        schema: sv.schema,
        references: sv.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version }))
      }
    })
  }

  getCompatibility({ profileId, subject }: { profileId: string; subject: string }): Promise<Compatibility> {
    return this.withClient(profileId, async (client) => {
      const { level, source } = await client.getCompatibilitySetting(subject)
      return { level, source }
    })
  }

  /** Closes every client (the worker is shutting down). */
  close(): void {
    for (const { client } of this.clients.values()) client.close()
    this.clients.clear()
  }

  private async withClient<T>(profileId: string, use: (client: RegistryClient) => Promise<T>): Promise<T> {
    const profile = this.describe(profileId)
    try {
      return await use(this.clientFor(profileId, profile))
    } catch (err) {
      throw registryAppError(err, profile)
    }
  }

  private clientFor(profileId: string, profile: string): RegistryClient {
    const props = this.connections.kafkaProperties(profileId)
    if (!hasRegistrySettings(props)) throw noRegistryError(profile)
    const registryProps = Object.fromEntries(Object.entries(props).filter(([key]) => isRegistryKey(key)))
    const key = JSON.stringify(Object.entries(registryProps).sort(([a], [b]) => a.localeCompare(b)))
    const cached = this.clients.get(profileId)
    if (cached?.key === key) return cached.client
    cached?.client.close()
    this.clients.delete(profileId)
    const client = this.createClient(registryProps)
    this.clients.set(profileId, { key, client })
    return client
  }

  private describe(profileId: string): string {
    let name = profileId
    try {
      name = this.options.profileName?.(profileId) ?? profileId
    } catch {
      // an unknown profile: kafkaProperties() reports it
    }
    return `'${name}'`
  }
}
