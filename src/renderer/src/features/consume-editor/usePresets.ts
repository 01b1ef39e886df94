import { shallowRef, watch, type Ref } from 'vue'
import { isAppError } from '../../../../shared/ipc/errors'
import type { Preset, PresetArgs } from '../../../../shared/model/presets'
import type { Api } from '../../ipc/api'

/** The presets of the selected profile, reloaded when the profile changes. */
export function usePresets(presets: Api['presets'], profileId: Readonly<Ref<string | null>>) {
  const list = shallowRef<Preset[]>([])
  const problem = shallowRef('')

  async function reload(): Promise<void> {
    const id = profileId.value
    if (!id) {
      list.value = []
      return
    }
    try {
      const result = await presets.listPresets({ profileId: id })
      if (profileId.value === id) list.value = result.presets
      problem.value = ''
    } catch (e) {
      problem.value = `Presets could not be listed: ${(e as Error).message}`
    }
  }
  watch(profileId, () => void reload(), { immediate: true })

  return {
    list,
    problem,
    reload,
    /** 'exists' when a preset has that name and `overwrite` was not given (the UI asks first). */
    async save(name: string, args: PresetArgs, overwrite = false): Promise<Preset | 'exists'> {
      const id = profileId.value
      if (!id) throw new Error('Presets are saved in a profile')
      try {
        const saved = await presets.savePreset({ profileId: id, name, args, overwrite })
        await reload()
        return saved
      } catch (e) {
        if (isAppError(e, 'PRESET_EXISTS')) return 'exists'
        throw e
      }
    },
    async rename(preset: Preset, name: string): Promise<void> {
      await presets.renamePreset({ profileId: preset.profileId, id: preset.id, name })
      await reload()
    },
    async remove(preset: Preset): Promise<void> {
      await presets.deletePreset({ profileId: preset.profileId, id: preset.id })
      await reload()
    }
  }
}
