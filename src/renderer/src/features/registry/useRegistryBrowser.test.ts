import { describe, expect, it, vi } from 'vitest'
import type { ProfileDto } from '../../../../shared/model/profiles'
import type { SubjectVersion } from '../../../../shared/model/registry'
import { useRegistryBrowser } from './useRegistryBrowser'

function profile(id: string, url?: string): ProfileDto {
  return {
    id,
    name: `Profile ${id}`,
    createdAt: '',
    updatedAt: '',
    bootstrapServers: 'b:9092',
    securityProtocol: 'PLAINTEXT',
    sasl: { mechanism: 'PLAIN', username: '', hasPassword: false },
    tls: { verifyHostname: true, hasClientKey: false, hasKeyPassword: false },
    registry: { ...(url ? { url } : {}), auth: { kind: 'none' } },
    extraProperties: [],
    missingSecrets: []
  }
}

const schemaOf = (subject: string, version: number): SubjectVersion => ({ subject, version, id: version, schemaType: 'AVRO', schema: `{"v":${version}}`, references: [] })

/** A fake engine API; `delays` holds per-subject answer delays (ms) to reorder answers. */
function fakeApi(delays: Record<string, number> = {}) {
  const wait = (subject: string) => new Promise((resolve) => setTimeout(resolve, delays[subject] ?? 0))
  return {
    profiles: { listProfiles: vi.fn(async () => ({ profiles: [profile('none'), profile('reg', 'http://r')], secretStorage: '', warnings: [] })) },
    registry: {
      listSubjects: vi.fn(async () => ({
        subjects: [
          { subject: 'orders-value', schemaType: 'AVRO' as const, latestVersion: 3, id: 3 },
          { subject: 'prices-value', schemaType: 'PROTOBUF' as const, latestVersion: 1, id: 9 }
        ]
      })),
      listVersions: vi.fn(async ({ subject }: { subject: string }) => {
        await wait(subject)
        return { versions: subject === 'orders-value' ? [1, 2, 3] : [1] }
      }),
      getSchema: vi.fn(async ({ subject, version }: { subject: string; version: number | 'latest' }) => schemaOf(subject, version === 'latest' ? 1 : version)),
      getCompatibility: vi.fn(async () => ({ level: 'BACKWARD', source: 'global' as const }))
    }
  }
}

type FakeApi = ReturnType<typeof fakeApi>
const browse = (api: FakeApi, active: string | null = null, onProfilePicked?: (id: string) => void) =>
  useRegistryBrowser(api as unknown as Parameters<typeof useRegistryBrowser>[0], { activeProfileId: () => active, ...(onProfilePicked ? { onProfilePicked } : {}) })

describe('useRegistryBrowser', () => {
  it('starts with the first profile that has a registry and lists its subjects', async () => {
    const api = fakeApi()
    const b = browse(api, 'none')
    await b.loadProfiles()
    expect(b.profileId.value).toBe('reg')
    expect(b.subjects.value.map((s) => s.subject)).toEqual(['orders-value', 'prices-value'])
    expect(api.registry.listSubjects).toHaveBeenCalledWith({ profileId: 'reg' })
  })

  it('does not ask the registry for a profile without a registry URL, and reports a user pick', async () => {
    const api = fakeApi()
    const picked: string[] = []
    const b = browse(api, 'reg', (id) => picked.push(id))
    await b.loadProfiles()
    api.registry.listSubjects.mockClear()
    await b.pickProfile('none')
    expect(api.registry.listSubjects).not.toHaveBeenCalled()
    expect(b.subjects.value).toEqual([])
    expect(picked).toEqual(['none'])
  })

  it('searches by words in the subject name or by schema type', async () => {
    const b = browse(fakeApi(), 'reg')
    await b.loadProfiles()
    b.search.value = 'ORDERS'
    expect(b.filteredSubjects.value.map((s) => s.subject)).toEqual(['orders-value'])
    b.search.value = 'protobuf'
    expect(b.filteredSubjects.value.map((s) => s.subject)).toEqual(['prices-value'])
    b.search.value = 'value nothing'
    expect(b.filteredSubjects.value).toEqual([])
  })

  it('selects a subject: versions, compatibility, the latest schema, and a diff of the last two versions', async () => {
    const b = browse(fakeApi(), 'reg')
    await b.loadProfiles()
    await b.selectSubject('orders-value')
    expect(b.versions.value).toEqual([1, 2, 3])
    expect(b.compatibility.value).toEqual({ level: 'BACKWARD', source: 'global' })
    expect(b.schema.value?.version).toBe(3)
    expect([b.diffA.value, b.diffB.value]).toEqual([2, 3])
    expect(b.diffSchemas.value?.a.version).toBe(2)
    await b.setDiffVersions(1, 3)
    expect(b.diffSchemas.value?.a.version).toBe(1)
  })

  it('shows the version a reference points at', async () => {
    const b = browse(fakeApi(), 'reg')
    await b.loadProfiles()
    await b.selectSubject('orders-value', 1)
    expect(b.schema.value?.version).toBe(1)
  })

  it('drops the answer of a subject that is no longer selected', async () => {
    const b = browse(fakeApi({ 'orders-value': 30 }), 'reg')
    await b.loadProfiles()
    const slow = b.selectSubject('orders-value')
    await b.selectSubject('prices-value')
    await slow
    expect(b.subject.value).toBe('prices-value')
    expect(b.versions.value).toEqual([1])
    expect(b.schema.value?.subject).toBe('prices-value')
  })

  it('shows what went wrong', async () => {
    const api = fakeApi()
    api.registry.listSubjects.mockRejectedValueOnce(new Error("Profile 'Profile reg': Schema registry unreachable"))
    const b = browse(api, 'reg')
    await b.loadProfiles()
    expect(b.subjectsError.value).toContain('unreachable')
    expect(b.subjectsLoading.value).toBe(false)
  })
})
