import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { ConnectionReportSchema } from '../model/connectionTest'
import { ImportReportSchema, ProfileDtoSchema, ProfileIdSchema, SaveProfileArgsSchema } from '../model/profiles'

const ProfileRef = z.object({ id: ProfileIdSchema })

/** Connection profiles. Secrets go in (saveProfile) but never come out: the DTOs carry `has…` flags. */
export const profiles = defineContract('profiles', {
  /** `secretStorage` says how credentials are kept (encrypted by the OS, or a file only the user can read). */
  listProfiles: call(z.void(), z.object({ profiles: z.array(ProfileDtoSchema), secretStorage: z.string(), warnings: z.array(z.string()) })),
  getProfile: call(ProfileRef, ProfileDtoSchema),
  /** Creates the profile when `id` is absent. A secret left out is kept, null clears it. */
  saveProfile: call(SaveProfileArgsSchema, ProfileDtoSchema),
  duplicateProfile: call(ProfileRef, ProfileDtoSchema),
  deleteProfile: call(ProfileRef, z.void()),
  /** The export file's text (no secrets); all profiles when `ids` is absent. */
  exportProfiles: call(z.object({ ids: z.array(ProfileIdSchema).optional() }), z.object({ json: z.string() })),
  /** Adds the profiles of an export file; reports which ones need credentials. */
  importProfiles: call(z.object({ json: z.string().max(50_000_000) }), ImportReportSchema),
  /**
   * Connects with the given settings (unsaved edits included; a secret left out is taken from the stored profile
   * `id`) and reports brokers, cluster id, version, authentication and registry, or the exact failure.
   */
  testConnection: call(SaveProfileArgsSchema, ConnectionReportSchema)
})
