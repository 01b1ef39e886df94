import { AppError } from '../../../shared/ipc/errors'
import {
  PROFILE_EXPORT_FORMAT,
  ProfileSettingsSchema,
  type ImportReport,
  type ProfileExport,
  type ProfileSettings,
  type StoredProfile
} from '../../../shared/model/profiles'

export const BAD_PROFILE_IMPORT = 'BAD_PROFILE_IMPORT'

/** An export file: settings only. Secrets are never part of a stored profile, so none can slip in. */
export function exportProfilesJson(profiles: readonly StoredProfile[], now: Date): string {
  const file: ProfileExport = {
    format: PROFILE_EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    profiles: profiles.map((p) => ProfileSettingsSchema.parse(p))
  }
  return JSON.stringify(file, null, 2) + '\n'
}

/**
 * Reads an export file. Unknown fields (secrets included: `password`, `token`, `clientKeyPem`, …) are
 * dropped by the schema; an entry that is not a valid profile is skipped with the reason.
 */
export function parseProfilesImport(text: string): { profiles: ProfileSettings[]; skipped: ImportReport['skipped'] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new AppError(BAD_PROFILE_IMPORT, 'The file is not JSON; choose a profiles file exported by Topic Tables.')
  }
  const file = data as Partial<ProfileExport> | null
  if (typeof file !== 'object' || file === null || file.format !== PROFILE_EXPORT_FORMAT || !Array.isArray(file.profiles)) {
    throw new AppError(BAD_PROFILE_IMPORT, 'The file is not a Topic Tables profiles export.')
  }
  if (file.version !== 1) throw new AppError(BAD_PROFILE_IMPORT, `Profiles export version ${String(file.version)} is not supported.`)
  const profiles: ProfileSettings[] = []
  const skipped: ImportReport['skipped'] = []
  file.profiles.forEach((entry: unknown, index) => {
    const parsed = ProfileSettingsSchema.safeParse(entry)
    if (parsed.success) profiles.push(parsed.data)
    else skipped.push({ index, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`).join('; ') })
  })
  return { profiles, skipped }
}
