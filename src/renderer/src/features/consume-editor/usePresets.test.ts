import { describe, expect, it } from 'vitest'
import { nextTick, shallowRef } from 'vue'
import { AppError } from '../../../../shared/ipc/errors'
import type { Preset, SavePresetArgs } from '../../../../shared/model/presets'
import { usePresets } from './usePresets'

function fakePresets() {
  const saved: Preset[] = []
  return {
    saved,
    api: {
      listPresets: async ({ profileId }: { profileId: string }) => ({ presets: saved.filter((p) => p.profileId === profileId) }),
      savePreset: async (args: SavePresetArgs) => {
        const existing = saved.find((p) => p.profileId === args.profileId && p.name === args.name)
        if (existing && !args.overwrite) throw new AppError('PRESET_EXISTS', 'exists')
        const preset = { id: existing?.id ?? `id${saved.length}`, profileId: args.profileId, name: args.name, args: args.args, savedAt: 'now' }
        if (existing) saved.splice(saved.indexOf(existing), 1, preset)
        else saved.push(preset)
        return preset
      },
      renamePreset: async ({ id, name }: { id: string; name: string }) => Object.assign(saved.find((p) => p.id === id)!, { name }),
      deletePreset: async ({ id }: { id: string }) => void saved.splice(saved.findIndex((p) => p.id === id), 1)
    }
  }
}

const args = { properties: {}, topic: 't', keySpec: { kind: 'ignore' as const }, valueSpec: { kind: 'fromProperties' as const }, tableType: { kind: 'append' as const } }

describe('usePresets', () => {
  it('lists the selected profile’s presets, reports a name clash, and overwrites when asked', async () => {
    const fake = fakePresets()
    const profileId = shallowRef<string | null>('p1')
    const presets = usePresets(fake.api as never, profileId)
    expect(await presets.save('Orders', args)).toMatchObject({ name: 'Orders' })
    expect(presets.list.value.map((p) => p.name)).toEqual(['Orders'])
    expect(await presets.save('Orders', args)).toBe('exists')
    expect(await presets.save('Orders', { ...args, topic: 'u' }, true)).toMatchObject({ args: { topic: 'u' } })
    await presets.rename(presets.list.value[0]!, 'Trades')
    expect(presets.list.value.map((p) => p.name)).toEqual(['Trades'])
    profileId.value = 'p2'
    await nextTick()
    await nextTick()
    expect(presets.list.value).toEqual([])
    profileId.value = null
    await expect(presets.save('x', args)).rejects.toThrow('Presets are saved in a profile')
  })
})
