import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { PresetIdSchema, PresetNameSchema, PresetSchema, SavePresetArgsSchema } from '../model/presets'
import { ProfileIdSchema } from '../model/profiles'

const PresetRef = z.object({ profileId: ProfileIdSchema, id: PresetIdSchema })

/** Named table settings kept per profile (presets.json in the user-data folder). */
export const presets = defineContract('presets', {
  listPresets: call(z.object({ profileId: ProfileIdSchema }), z.object({ presets: z.array(PresetSchema) })),
  savePreset: call(SavePresetArgsSchema, PresetSchema),
  renamePreset: call(PresetRef.extend({ name: PresetNameSchema }), PresetSchema),
  deletePreset: call(PresetRef, z.void())
})
