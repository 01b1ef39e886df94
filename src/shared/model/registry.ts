import { z } from 'zod'

export const SchemaTypeSchema = z.enum(['AVRO', 'PROTOBUF', 'JSON'])
export type SchemaType = z.infer<typeof SchemaTypeSchema>

export const SubjectSummarySchema = z.object({
  subject: z.string(),
  schemaType: SchemaTypeSchema,
  latestVersion: z.number().int(),
  /** The latest version's global schema id. */
  id: z.number().int()
})
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>

export const SchemaReferenceSchema = z.object({ name: z.string(), subject: z.string(), version: z.number().int() })

export const SubjectVersionSchema = z.object({
  subject: z.string(),
  version: z.number().int(),
  id: z.number().int(),
  schemaType: SchemaTypeSchema,
  /** The schema text as the registry stores it (the UI pretty-prints it). */
  schema: z.string(),
  references: z.array(SchemaReferenceSchema)
})
export type SubjectVersion = z.infer<typeof SubjectVersionSchema>

export const CompatibilitySchema = z.object({
  /** BACKWARD, FORWARD_TRANSITIVE, NONE, … */
  level: z.string(),
  /** Whether the subject sets it or inherits the registry's global level. */
  source: z.enum(['subject', 'global'])
})
export type Compatibility = z.infer<typeof CompatibilitySchema>
