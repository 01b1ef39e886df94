import { z } from 'zod'

/**
 * The shipped jsonObject(...) object-processor provider described as data (src/main/core/specs/objectProcessor,
 * README there): scalar value types `{ kind: 'long' | 'int' | … | 'any', …options }`, `{ kind: 'skip' }`,
 * `{ kind: 'object', fields }`, `{ kind: 'array', element }`, `{ kind: 'tuple', values }` and
 * `{ kind: 'typedObject', typeField, shared?, objects }`. Options a kind does not take are refused by the engine
 * with the reason. Strict by default: allowMissing and allowNull are false unless given.
 */
export const JSON_SCALAR_KINDS = [
  'long',
  'int',
  'short',
  'byte',
  'double',
  'float',
  'string',
  'char',
  'bool',
  'instant',
  'date',
  'duration',
  'bigInteger',
  'bigDecimal',
  'any'
] as const
export type JsonScalarKind = (typeof JSON_SCALAR_KINDS)[number]

/** A default written instead of null (onMissing / onNull); big integers as decimal text. */
type DefaultValue = string | number | boolean

interface Options {
  allowMissing?: boolean
  allowNull?: boolean
}

export type JsonValueDto =
  | ({
      kind: JsonScalarKind
      allowString?: boolean
      allowDecimal?: boolean
      allowInt?: boolean
      allowBool?: boolean
      numberFormat?: 's' | 'ms' | 'us' | 'ns'
      onMissing?: DefaultValue
      onNull?: DefaultValue
    } & Options)
  | { kind: 'skip' }
  | ({ kind: 'object'; fields: Record<string, JsonValueDto>; allowUnknownFields?: boolean } & Options)
  | ({ kind: 'array'; element: JsonValueDto } & Options)
  | ({ kind: 'tuple'; values: JsonValueDto[] | Record<string, JsonValueDto> } & Options)
  | ({
      kind: 'typedObject'
      typeField: string
      shared?: Record<string, JsonValueDto>
      objects: Record<string, Record<string, JsonValueDto>>
      allowUnknownTypes?: boolean
      onMissing?: string
      onNull?: string
    } & Options)

const OptionShape = { allowMissing: z.boolean().optional(), allowNull: z.boolean().optional() }
const Default = z.union([z.string().max(10_000), z.number(), z.boolean()])
const Name = z.string().min(1).max(1_000)

export const JsonValueSchema: z.ZodType<JsonValueDto> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.enum(JSON_SCALAR_KINDS),
        allowString: z.boolean().optional(),
        allowDecimal: z.boolean().optional(),
        allowInt: z.boolean().optional(),
        allowBool: z.boolean().optional(),
        numberFormat: z.enum(['s', 'ms', 'us', 'ns']).optional(),
        onMissing: Default.optional(),
        onNull: Default.optional(),
        ...OptionShape
      })
      .strict(),
    z.object({ kind: z.literal('skip') }).strict(),
    z.object({ kind: z.literal('object'), fields: JsonFieldsSchema, allowUnknownFields: z.boolean().optional(), ...OptionShape }).strict(),
    z.object({ kind: z.literal('array'), element: JsonValueSchema, ...OptionShape }).strict(),
    z.object({ kind: z.literal('tuple'), values: z.union([z.array(JsonValueSchema).min(1).max(1_000), z.record(Name, JsonValueSchema)]), ...OptionShape }).strict(),
    z
      .object({
        kind: z.literal('typedObject'),
        typeField: Name,
        shared: z.record(Name, JsonValueSchema).optional(),
        objects: z.record(Name, z.record(Name, JsonValueSchema)),
        allowUnknownTypes: z.boolean().optional(),
        onMissing: z.string().max(1_000).optional(),
        onNull: z.string().max(1_000).optional(),
        ...OptionShape
      })
      .strict()
  ])
)

export const JsonFieldsSchema: z.ZodType<Record<string, JsonValueDto>> = z.lazy(() =>
  z.record(Name, JsonValueSchema).refine((fields) => Object.keys(fields).length > 0, 'at least one field is needed')
)

/** The object-processor spec over IPC: jsonObject(fields, { allowMissing, allowNull }). */
export const JsonObjectSpecSchema = z.object({
  kind: z.literal('jsonObject'),
  fields: JsonFieldsSchema,
  allowMissing: z.boolean().optional(),
  allowNull: z.boolean().optional()
})
