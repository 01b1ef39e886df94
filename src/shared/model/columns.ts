import { z } from 'zod'

export const COLUMN_TYPES = ['string', 'int16', 'int32', 'int64', 'float32', 'float64', 'bool', 'bytes', 'timestamp'] as const

export const ColumnTypeSchema = z.enum(COLUMN_TYPES)
export type ColumnType = z.infer<typeof ColumnTypeSchema>

export const ColumnDefSchema = z.object({ name: z.string().min(1), type: ColumnTypeSchema })
export type ColumnDef = z.infer<typeof ColumnDefSchema>
