import { describe, expect, it, vi } from 'vitest'
import { nextTick, shallowRef } from 'vue'
import { AppError } from '../../../../shared/ipc/errors'
import { useRegistryLookup } from './useRegistryLookup'

const flush = async () => {
  for (let i = 0; i < 3; i++) await nextTick()
}

describe('useRegistryLookup', () => {
  it("lists the profile's subjects by schema type and a subject's versions", async () => {
    const registry = {
      listSubjects: vi.fn(async () => ({
        subjects: [
          { subject: 'a-value', schemaType: 'AVRO' as const, latestVersion: 2, id: 1 },
          { subject: 'p-value', schemaType: 'PROTOBUF' as const, latestVersion: 1, id: 2 }
        ]
      })),
      listVersions: vi.fn(async () => ({ versions: [1, 2] }))
    }
    const lookup = useRegistryLookup(registry, shallowRef('p1'))
    await flush()
    expect(lookup.subjects('AVRO')).toEqual(['a-value'])
    expect(lookup.subjects('PROTOBUF')).toEqual(['p-value'])
    expect(await lookup.versions('a-value')).toEqual([1, 2])
    expect(registry.listVersions).toHaveBeenCalledWith({ profileId: 'p1', subject: 'a-value' })
    expect(lookup.note.value).toBe('')
  })

  it('leaves typed inputs with the reason when the registry cannot be asked', async () => {
    const registry = {
      listSubjects: vi.fn(async () => Promise.reject(new AppError('NOT_IMPLEMENTED', 'not yet'))),
      listVersions: vi.fn(async () => ({ versions: [1] }))
    }
    const profileId = shallowRef<string | null>('p1')
    const lookup = useRegistryLookup(registry, profileId)
    await flush()
    expect(lookup.subjects('AVRO')).toEqual([])
    expect(lookup.note.value).toBe("The registry's subjects could not be listed (not yet): type the subject.")
    expect(await lookup.versions('x')).toEqual([])
    expect(registry.listVersions).not.toHaveBeenCalled()
    profileId.value = null
    await flush()
    expect(lookup.note.value).toMatch(/Without a profile/)
  })
})
