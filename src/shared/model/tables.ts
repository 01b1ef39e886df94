import { z } from 'zod'
import { ColumnDefSchema, ScalarTypeSchema } from './columns'
import { JsonObjectSpecSchema } from './jsonObjectSpec'

export const TableIdSchema = z.string().min(1).max(64)

const PropertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const SpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ignore') }),
  z.object({ kind: z.literal('fromProperties') }),
  z.object({ kind: z.literal('simple'), columnName: z.string().min(1), type: ScalarTypeSchema.optional() }),
  z.object({ kind: z.literal('json'), columns: z.array(ColumnDefSchema).min(1), mapping: z.record(z.string(), z.string()) }),
  z.object({
    kind: z.literal('avro'),
    /** A registry subject, or a literal Avro schema (JSON text starting with '{'). */
    schema: z.string().min(1).max(5_000_000),
    version: z.union([z.literal('latest'), z.number().int().min(1)]),
    mapping: z.record(z.string(), z.string().min(1)).optional(),
    mappedOnly: z.boolean().optional(),
    framing: z.enum(['confluent', 'none'])
  }),
  z.object({
    kind: z.literal('protobuf'),
    source: z.union([
      z.object({ subject: z.string().min(1).max(1_000), version: z.union([z.literal('latest'), z.number().int().min(1)]).optional(), messageName: z.string().min(1).max(1_000).optional() }),
      z.object({ proto: z.string().min(1).max(5_000_000), messageName: z.string().min(1).max(1_000) })
    ]),
    protocol: z.enum(['serdes', 'raw']),
    include: z.array(z.string().min(1).max(1_000)).max(10_000).optional()
  }),
  /** An object processor: the shipped jsonObject(...) provider described as data. */
  JsonObjectSpecSchema
])
export type SpecDto = z.infer<typeof SpecSchema>

export const TableTypeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('append') }),
  z.object({ kind: z.literal('blink') }),
  z.object({ kind: z.literal('ring'), capacity: z.number().int().min(1).max(2 ** 31) })
])

/** Offsets as consume() takes them: partition (or -1 for all others) → offset as a decimal string, or a seek constant. */
export const OffsetsSchema = z.record(z.string().regex(/^-?\d+$/), z.union([z.number().int(), z.string().regex(/^-?\d+$/)]))

export const OpenTableArgsSchema = z.object({
  /** Java-style Kafka client properties; with a profile they are added to (and override) the profile's. */
  properties: z.record(z.string(), PropertyValueSchema),
  /** A saved connection profile to connect with; its secrets never leave the engine. */
  profileId: z.string().min(1).max(64).optional(),
  topic: z.string().min(1).max(249),
  partitions: z.union([z.literal('ALL'), z.array(z.number().int().min(0))]).optional(),
  offsets: OffsetsSchema.optional(),
  keySpec: SpecSchema,
  valueSpec: SpecSchema,
  tableType: TableTypeSchema,
  onError: z.enum(['skip', 'fail']).optional(),
  /** Record headers as a JSON column and/or typed columns lifted from named headers. */
  headers: z
    .object({
      column: z.string().min(1).optional(),
      lift: z.array(z.object({ header: z.string().min(1), column: z.string().min(1), type: ScalarTypeSchema })).max(64).optional()
    })
    .optional(),
  /** The update cycle; default one animation frame (16 ms), so new rows reach the screen at once. */
  updateIntervalMs: z.number().int().min(1).max(60_000).optional()
})
export type OpenTableArgs = z.infer<typeof OpenTableArgsSchema>

export const TableInfoSchema = z.object({
  tableId: TableIdSchema,
  topic: z.string(),
  columns: z.array(ColumnDefSchema),
  /** How the key and value are read, as the engine resolved them: `ignore`, `Price: float64`, `avro orders-value v3 (id 12)`. */
  sources: z.object({ key: z.string(), value: z.string() })
})
export type TableInfo = z.infer<typeof TableInfoSchema>

export const TableStatusSchema = z.object({
  tableId: TableIdSchema,
  state: z.enum(['running', 'paused', 'failed', 'closed']),
  failure: z.string().nullable(),
  size: z.number(),
  rowsPerSecond: z.number(),
  bytesPerSecond: z.number(),
  totalRows: z.number(),
  errorCount: z.number(),
  partitions: z.array(z.object({ partition: z.number(), position: z.string(), highWatermark: z.string(), lag: z.number() }))
})
export type TableStatus = z.infer<typeof TableStatusSchema>

export const RecordErrorSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.string(),
  field: z.string().optional(),
  reason: z.string(),
  kind: z.enum(['record', 'field']),
  time: z.number()
})
export type RecordErrorDto = z.infer<typeof RecordErrorSchema>
