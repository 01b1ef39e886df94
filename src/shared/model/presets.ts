import { z } from 'zod'
import { ProfileIdSchema } from './profiles'
import { OpenTableArgsSchema } from './tables'

export const PresetIdSchema = z.string().min(1).max(64)
export const PresetNameSchema = z.string().trim().min(1, 'A preset needs a name').max(200)

/** What a preset keeps: the table settings without the profile (the preset belongs to one) and without secrets. */
export const PresetArgsSchema = OpenTableArgsSchema.omit({ profileId: true })
export type PresetArgs = z.infer<typeof PresetArgsSchema>

export const PresetSchema = z.object({
  id: PresetIdSchema,
  profileId: ProfileIdSchema,
  name: PresetNameSchema,
  args: PresetArgsSchema,
  savedAt: z.string().max(64)
})
export type Preset = z.infer<typeof PresetSchema>

export const SavePresetArgsSchema = z.object({
  profileId: ProfileIdSchema,
  name: PresetNameSchema,
  args: PresetArgsSchema,
  /** Replace a preset of the same name; without it a name clash is an error (PRESET_EXISTS). */
  overwrite: z.boolean().optional()
})
export type SavePresetArgs = z.infer<typeof SavePresetArgsSchema>
