import { z } from 'zod'
import { ColumnDefSchema } from './columns'
import { OpenTableArgsSchema, RecordErrorSchema } from './tables'
import { CellValueSchema } from './views'

export const PREVIEW_MAX_ROWS = 100

export const PreviewArgsSchema = OpenTableArgsSchema.extend({
  /** Stop once this many rows arrived. */
  limit: z.number().int().min(1).max(PREVIEW_MAX_ROWS),
  /** Stop after this long even with fewer rows. */
  timeoutMs: z.number().int().min(100).max(60_000)
})
export type PreviewArgs = z.infer<typeof PreviewArgsSchema>


export const PreviewResultSchema = z.object({
  columns: z.array(ColumnDefSchema),
  /** Cells as a view's viewport has them (views.ts CellValue), so they format as in the grid. */
  rows: z.array(z.array(CellValueSchema)),
  errors: z.array(RecordErrorSchema),
  /** True when the limit was reached (there may be more records). */
  truncated: z.boolean()
})
export type PreviewResult = z.infer<typeof PreviewResultSchema>

export const SampleArgsSchema = z.object({
  profileId: z.string().min(1).max(64).optional(),
  properties: OpenTableArgsSchema.shape.properties,
  topic: OpenTableArgsSchema.shape.topic,
  /** Which part of the record to sample. */
  part: z.enum(['key', 'value']).default('value'),
  limit: z.number().int().min(1).max(PREVIEW_MAX_ROWS),
  timeoutMs: z.number().int().min(100).max(60_000).default(5_000)
})
export type SampleArgs = z.input<typeof SampleArgsSchema>

export const SampleRecordSchema = z.object({
  partition: z.number(),
  offset: z.string(),
  /** UTF-8 text, or base64 when the bytes are not valid UTF-8; null for a Kafka null. */
  text: z.string().nullable(),
  encoding: z.enum(['utf8', 'base64'])
})
export type SampleRecord = z.infer<typeof SampleRecordSchema>
