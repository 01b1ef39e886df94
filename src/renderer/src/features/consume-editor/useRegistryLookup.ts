import { shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { SubjectSummary } from '../../../../shared/model/registry'
import type { Api } from '../../ipc/api'

export interface RegistryLookup {
  /** Subject names of a schema type; empty when the registry could not be asked. */
  subjects(type: SubjectSummary['schemaType']): string[]
  /** A subject's versions; empty when unknown (the version is then typed). */
  versions(subject: string): Promise<number[]>
  /** Why the lists are empty ("type the subject"), or ''. */
  note: ShallowRef<string>
}

/** The profile's registry subjects for the pickers; any failure leaves free-text inputs with a note. */
export function useRegistryLookup(registry: Pick<Api['registry'], 'listSubjects' | 'listVersions'>, profileId: Readonly<Ref<string | null>>): RegistryLookup {
  const all = shallowRef<SubjectSummary[]>([])
  const note = shallowRef('')
  let loaded = ''
  watch(
    profileId,
    async (id) => {
      all.value = []
      note.value = id ? '' : 'Without a profile there is no registry to list subjects from: type the subject.'
      loaded = id ?? ''
      if (!id) return
      try {
        const { subjects } = await registry.listSubjects({ profileId: id })
        if (loaded === id) all.value = subjects
      } catch (e) {
        if (loaded === id) note.value = `The registry's subjects could not be listed (${(e as Error).message}): type the subject.`
      }
    },
    { immediate: true }
  )
  return {
    subjects: (type) => all.value.filter((s) => s.schemaType === type).map((s) => s.subject),
    async versions(subject) {
      const id = profileId.value
      // Without a registry that answers there are no versions to list: the version is typed.
      if (!id || note.value) return []
      try {
        return (await registry.listVersions({ profileId: id, subject })).versions
      } catch {
        return []
      }
    },
    note
  }
}
