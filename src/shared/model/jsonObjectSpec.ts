import { z } from 'zod'

/**
 * The shipped jsonObject(...) object-processor provider described as data (src/main/core/specs/objectProcessor):
 * `{ kind: 'long' | 'double' | 'string' | 'bool' }`, `{ kind: 'instant', numberFormat?: 's' | 'ms' | 'us' | 'ns' }`,
 * `{ kind: 'object', fields: { name: value… } }`, `{ kind: 'array', element: value }`, each with optional
 * `allowMissing` and `allowNull` (strict by default).
 */
export type JsonValueDto =
  | { kind: 'long' | 'double' | 'string' | 'bool'; allowMissing?: boolean; allowNull?: boolean }
  | { kind: 'instant'; numberFormat?: 's' | 'ms' | 'us' | 'ns'; allowMissing?: boolean; allowNull?: boolean }
  | { kind: 'object'; fields: Record<string, JsonValueDto>; allowMissing?: boolean; allowNull?: boolean }
  | { kind: 'array'; element: JsonValueDto; allowMissing?: boolean; allowNull?: boolean }

const Options = { allowMissing: z.boolean().optional(), allowNull: z.boolean().optional() }

export const JsonValueSchema: z.ZodType<JsonValueDto> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(['long', 'double', 'string', 'bool']), ...Options }).strict(),
    z.object({ kind: z.literal('instant'), numberFormat: z.enum(['s', 'ms', 'us', 'ns']).optional(), ...Options }).strict(),
    z.object({ kind: z.literal('object'), fields: JsonFieldsSchema, ...Options }).strict(),
    z.object({ kind: z.literal('array'), element: JsonValueSchema, ...Options }).strict()
  ])
)

export const JsonFieldsSchema: z.ZodType<Record<string, JsonValueDto>> = z.lazy(() =>
  z.record(z.string().min(1), JsonValueSchema).refine((fields) => Object.keys(fields).length > 0, 'at least one field is needed')
)

/** The object-processor spec over IPC: jsonObject(fields, { allowMissing, allowNull }). */
export const JsonObjectSpecSchema = z.object({
  kind: z.literal('jsonObject'),
  fields: JsonFieldsSchema,
  allowMissing: z.boolean().optional(),
  allowNull: z.boolean().optional()
})
