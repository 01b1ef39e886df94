import { computed, shallowRef } from 'vue'
import { errorMessage } from '../../../../shared/ipc/errors'
import type { ProfileDto } from '../../../../shared/model/profiles'
import type { Compatibility, SubjectSummary, SubjectVersion } from '../../../../shared/model/registry'
import type { Api } from '../../ipc/api'
import { defaultRegistryProfile, hasRegistryUrl } from './profileChoice'

type RegistryApi = Pick<Api, 'profiles' | 'registry'>

/**
 * The registry browser's state: the profile, its subjects (searchable), the selected subject's versions,
 * compatibility and one version's schema, and two versions to diff. Later answers of superseded requests
 * are dropped (a fast click through subjects shows the last one).
 */
export function useRegistryBrowser(api: RegistryApi, options: { activeProfileId: () => string | null; onProfilePicked?: (id: string) => void }) {
  const profiles = shallowRef<ProfileDto[]>([])
  const profileId = shallowRef<string | null>(null)
  const profilesError = shallowRef<string | null>(null)

  const subjects = shallowRef<SubjectSummary[]>([])
  const subjectsLoading = shallowRef(false)
  const subjectsError = shallowRef<string | null>(null)
  const search = shallowRef('')

  const subject = shallowRef<string | null>(null)
  const versions = shallowRef<number[]>([])
  const compatibility = shallowRef<Compatibility | null>(null)
  const version = shallowRef<number | null>(null)
  const schema = shallowRef<SubjectVersion | null>(null)
  const detailError = shallowRef<string | null>(null)

  const diffA = shallowRef<number | null>(null)
  const diffB = shallowRef<number | null>(null)
  const diffSchemas = shallowRef<{ a: SubjectVersion; b: SubjectVersion } | null>(null)
  const diffError = shallowRef<string | null>(null)

  /** Schema versions already read for this profile (a subject version does not change). */
  const schemaCache = new Map<string, Promise<SubjectVersion>>()
  let subjectsSeq = 0
  let subjectSeq = 0
  let versionSeq = 0
  let diffSeq = 0

  const profile = computed(() => profiles.value.find((p) => p.id === profileId.value) ?? null)
  const profilesWithRegistry = computed(() => profiles.value.filter(hasRegistryUrl))
  const filteredSubjects = computed(() => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    if (words.length === 0) return subjects.value
    return subjects.value.filter((s) => words.every((w) => s.subject.toLowerCase().includes(w) || s.schemaType.toLowerCase() === w))
  })

  async function loadProfiles(): Promise<void> {
    try {
      const { profiles: list } = await api.profiles.listProfiles()
      profiles.value = list
      profilesError.value = null
      const current = profileId.value !== null && list.some((p) => p.id === profileId.value) ? profileId.value : defaultRegistryProfile(list, options.activeProfileId())
      if (current !== profileId.value || subjects.value.length === 0) await pickProfile(current, false)
    } catch (e) {
      profilesError.value = errorMessage(e)
    }
  }

  async function pickProfile(id: string | null, byUser = true): Promise<void> {
    if (id !== profileId.value) {
      profileId.value = id
      schemaCache.clear()
      clearSubject()
      subjects.value = []
      search.value = ''
    }
    if (byUser && id) options.onProfilePicked?.(id)
    await loadSubjects()
  }

  async function loadSubjects(): Promise<void> {
    const seq = ++subjectsSeq
    const id = profileId.value
    subjectsError.value = null
    if (!id || !profile.value || !hasRegistryUrl(profile.value)) {
      subjectsLoading.value = false
      return
    }
    subjectsLoading.value = true
    try {
      const { subjects: list } = await api.registry.listSubjects({ profileId: id })
      if (seq !== subjectsSeq) return
      subjects.value = list
    } catch (e) {
      if (seq === subjectsSeq) subjectsError.value = errorMessage(e)
    } finally {
      if (seq === subjectsSeq) subjectsLoading.value = false
    }
  }

  function clearSubject(): void {
    subjectSeq++
    versionSeq++
    diffSeq++
    subject.value = null
    versions.value = []
    compatibility.value = null
    version.value = null
    schema.value = null
    detailError.value = null
    diffA.value = null
    diffB.value = null
    diffSchemas.value = null
    diffError.value = null
  }

  function readSchema(id: string, name: string, v: number): Promise<SubjectVersion> {
    const key = `${name}\0${v}`
    let hit = schemaCache.get(key)
    if (!hit) {
      hit = api.registry.getSchema({ profileId: id, subject: name, version: v })
      schemaCache.set(key, hit)
      hit.catch(() => schemaCache.delete(key))
    }
    return hit
  }

  /** Selects a subject and shows `at` (default: its latest version). */
  async function selectSubject(name: string, at?: number): Promise<void> {
    const id = profileId.value
    if (!id) return
    clearSubject()
    const seq = subjectSeq
    subject.value = name
    try {
      const [{ versions: list }, compat] = await Promise.all([
        api.registry.listVersions({ profileId: id, subject: name }),
        api.registry.getCompatibility({ profileId: id, subject: name }).catch(() => null)
      ])
      if (seq !== subjectSeq) return
      versions.value = list
      compatibility.value = compat
      const shown = at !== undefined && list.includes(at) ? at : list.at(-1)
      if (shown === undefined) return
      diffB.value = shown
      diffA.value = list[list.indexOf(shown) - 1] ?? shown
      await Promise.all([selectVersion(shown), loadDiff()])
    } catch (e) {
      if (seq === subjectSeq) detailError.value = errorMessage(e)
    }
  }

  async function selectVersion(v: number): Promise<void> {
    const id = profileId.value
    const name = subject.value
    if (!id || !name) return
    const seq = ++versionSeq
    version.value = v
    detailError.value = null
    try {
      const sv = await readSchema(id, name, v)
      if (seq === versionSeq) schema.value = sv
    } catch (e) {
      if (seq === versionSeq) detailError.value = errorMessage(e)
    }
  }

  async function setDiffVersions(a: number, b: number): Promise<void> {
    diffA.value = a
    diffB.value = b
    await loadDiff()
  }

  async function loadDiff(): Promise<void> {
    const id = profileId.value
    const name = subject.value
    const a = diffA.value
    const b = diffB.value
    if (!id || !name || a === null || b === null) return
    const seq = ++diffSeq
    diffError.value = null
    try {
      const [sa, sb] = await Promise.all([readSchema(id, name, a), readSchema(id, name, b)])
      if (seq === diffSeq) diffSchemas.value = { a: sa, b: sb }
    } catch (e) {
      if (seq === diffSeq) diffError.value = errorMessage(e)
    }
  }

  /** Reads the subject list again, and the selected subject (a new version may have been registered). */
  async function refresh(): Promise<void> {
    schemaCache.clear()
    const name = subject.value
    const at = version.value ?? undefined
    await Promise.all([loadSubjects(), name ? selectSubject(name, at) : Promise.resolve()])
  }

  return {
    profiles,
    profileId,
    profile,
    profilesWithRegistry,
    profilesError,
    subjects,
    filteredSubjects,
    subjectsLoading,
    subjectsError,
    search,
    subject,
    versions,
    compatibility,
    version,
    schema,
    detailError,
    diffA,
    diffB,
    diffSchemas,
    diffError,
    loadProfiles,
    pickProfile,
    loadSubjects,
    refresh,
    selectSubject,
    selectVersion,
    setDiffVersions
  }
}

export type RegistryBrowser = ReturnType<typeof useRegistryBrowser>
