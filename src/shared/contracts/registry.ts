import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { ProfileIdSchema } from '../model/profiles'
import { CompatibilitySchema, SubjectSummarySchema, SubjectVersionSchema } from '../model/registry'

const Subject = z.string().min(1).max(10_000)
const ProfileRef = z.object({ profileId: ProfileIdSchema })
const SubjectRef = ProfileRef.extend({ subject: Subject })

/** The schema registry of a profile (schema.registry.url and its auth), Confluent's REST API. */
export const registry = defineContract('registry', {
  listSubjects: call(ProfileRef, z.object({ subjects: z.array(SubjectSummarySchema) })),
  listVersions: call(SubjectRef, z.object({ versions: z.array(z.number().int()) })),
  getSchema: call(SubjectRef.extend({ version: z.union([z.literal('latest'), z.number().int().min(1)]) }), SubjectVersionSchema),
  getCompatibility: call(SubjectRef, CompatibilitySchema)
})
