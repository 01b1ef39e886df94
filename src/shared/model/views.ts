import { z } from 'zod'
import { ColumnTypeSchema } from './columns'
import { TableIdSchema } from './tables'

// The DTOs of table views; the engine's src/main/core/views/viewTypes.ts describes the same shapes.

export const ViewIdSchema = z.string().min(1).max(64)

const SortKeySchema = z.object({ column: z.string(), direction: z.enum(['asc', 'desc']), nulls: z.enum(['first', 'last']).optional() })
const NumberOrDecimal = z.union([z.number(), z.string().regex(/^[+-]?\d+(\.\d+)?$|^[+-]?\d{4,6}-\d{2}-\d{2}$/)])

export const ColumnFilterSchema = z.discriminatedUnion('kind', [
  z.object({ column: z.string(), kind: z.literal('contains'), value: z.string() }),
  z.object({ column: z.string(), kind: z.literal('equals'), value: z.union([z.string(), z.boolean()]) }),
  z.object({ column: z.string(), kind: z.literal('range'), min: NumberOrDecimal.optional(), max: NumberOrDecimal.optional() }),
  z.object({ column: z.string(), kind: z.literal('timeRange'), min: NumberOrDecimal.optional(), max: NumberOrDecimal.optional() }),
  z.object({ column: z.string(), kind: z.literal('null') }),
  z.object({ column: z.string(), kind: z.literal('notNull') })
])
export type ColumnFilterDto = z.infer<typeof ColumnFilterSchema>

export const ViewSpecSchema = z.object({
  sort: z.array(SortKeySchema).max(16),
  filters: z.array(ColumnFilterSchema).max(64),
  columns: z.array(z.string()).optional()
})
export type ViewSpecDto = z.infer<typeof ViewSpecSchema>

/** A cell: a scalar, or a list's array / a map's object of cells. */
export type CellValueDto = number | string | boolean | null | CellValueDto[] | { [key: string]: CellValueDto }
export const CellValueSchema: z.ZodType<CellValueDto> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(CellValueSchema), z.record(z.string(), CellValueSchema)])
)

export const ViewportDataSchema = z.object({
  viewId: ViewIdSchema,
  version: z.number(),
  rowCount: z.number(),
  first: z.number(),
  rowKeys: z.array(z.number()),
  columns: z.array(z.object({ name: z.string(), type: ColumnTypeSchema, values: z.array(CellValueSchema) }))
})
export type ViewportDataDto = z.infer<typeof ViewportDataSchema>

export const OpenViewArgsSchema = z.object({ tableId: TableIdSchema, spec: ViewSpecSchema })
export const SetViewportArgsSchema = z.object({
  viewId: ViewIdSchema,
  first: z.number().int().min(0),
  /** Exclusive; at most 2,000 rows per viewport. */
  last: z.number().int().min(0),
  columns: z.array(z.string()).optional(),
  /** 'end': the last (last - first) rows of the view, whatever its size: pushes then follow a live tail. */
  anchor: z.enum(['start', 'end']).optional()
}).refine((a) => a.last >= a.first && a.last - a.first <= 2000, { message: 'last must be >= first and the viewport at most 2000 rows', path: ['last'] })
export type SetViewportArgs = z.infer<typeof SetViewportArgsSchema>
