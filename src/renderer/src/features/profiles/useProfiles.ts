import { computed, shallowRef } from 'vue'
import type { ConnectionReport } from '../../../../shared/model/connectionTest'
import type { ImportReport, ProfileDto, SaveProfileArgs } from '../../../../shared/model/profiles'
import type { Api } from '../../ipc/api'

type ProfilesApi = Pick<Api, 'profiles'>

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The profile list and what can be done with it; every call reports its failure in `error`. */
export function useProfiles(api: ProfilesApi) {
  const profiles = shallowRef<ProfileDto[]>([])
  const secretStorage = shallowRef('')
  const warnings = shallowRef<string[]>([])
  const selectedId = shallowRef<string | null>(null)
  const error = shallowRef<string | null>(null)
  const busy = shallowRef<'save' | 'test' | 'import' | null>(null)
  const selected = computed(() => profiles.value.find((p) => p.id === selectedId.value) ?? null)

  async function guarded<T>(kind: 'save' | 'test' | 'import' | null, work: () => Promise<T>): Promise<T | undefined> {
    error.value = null
    busy.value = kind
    try {
      return await work()
    } catch (e) {
      error.value = messageOf(e)
      return undefined
    } finally {
      busy.value = null
    }
  }

  async function load(): Promise<void> {
    await guarded(null, async () => {
      const result = await api.profiles.listProfiles()
      profiles.value = result.profiles
      secretStorage.value = result.secretStorage
      warnings.value = result.warnings
      if (selectedId.value !== null && !result.profiles.some((p) => p.id === selectedId.value)) selectedId.value = null
    })
  }

  async function save(args: SaveProfileArgs): Promise<ProfileDto | undefined> {
    const saved = await guarded('save', () => api.profiles.saveProfile(args))
    if (saved) {
      await load()
      selectedId.value = saved.id
    }
    return saved
  }

  async function duplicate(id: string): Promise<ProfileDto | undefined> {
    const copy = await guarded(null, () => api.profiles.duplicateProfile({ id }))
    if (copy) {
      await load()
      selectedId.value = copy.id
    }
    return copy
  }

  async function remove(id: string): Promise<void> {
    const ok = await guarded(null, async () => {
      await api.profiles.deleteProfile({ id })
      return true
    })
    if (ok) {
      if (selectedId.value === id) selectedId.value = null
      await load()
    }
  }

  function exportJson(ids?: string[]): Promise<string | undefined> {
    return guarded(null, async () => (await api.profiles.exportProfiles(ids === undefined ? {} : { ids })).json)
  }

  async function importJson(json: string): Promise<ImportReport | undefined> {
    const report = await guarded('import', () => api.profiles.importProfiles({ json }))
    if (report) await load()
    return report
  }

  function test(args: SaveProfileArgs): Promise<ConnectionReport | undefined> {
    return guarded('test', () => api.profiles.testConnection(args))
  }

  return { profiles, secretStorage, warnings, selectedId, selected, error, busy, load, save, duplicate, remove, exportJson, importJson, test }
}

export type ProfilesModel = ReturnType<typeof useProfiles>
