import { z } from 'zod'
import { OpenTableArgsSchema } from './tables'

/** A tab's grid as the user left it: what a workspace restores (never the rows). */
export const GridViewStateSchema = z.object({
  /** Most significant first. */
  sort: z.array(z.object({ column: z.string(), desc: z.boolean() })).max(16),
  /** The filter row as typed, per column. */
  filters: z
    .array(
      z.object({
        column: z.string(),
        mode: z.enum(['any', 'contains', 'equals', 'range', 'timeRange', 'true', 'false', 'null', 'notNull']),
        text: z.string().max(10_000),
        min: z.string().max(100),
        max: z.string().max(100)
      })
    )
    .max(256),
  /** Column name → width in px, for the columns the user resized. */
  widths: z.record(z.string(), z.number().min(10).max(5_000)),
  /** Columns the user hid. */
  hidden: z.array(z.string()).max(10_000)
})
export type GridViewState = z.infer<typeof GridViewStateSchema>

export const EMPTY_GRID_VIEW_STATE: GridViewState = Object.freeze({ sort: [], filters: [], widths: {}, hidden: [] }) as GridViewState

export const WorkspaceTabSchema = z.object({
  title: z.string().max(1_000),
  /** How the table was opened (a profile id, not its secrets; ad-hoc secret properties are dropped on save). */
  args: OpenTableArgsSchema,
  view: GridViewStateSchema,
  /** The user had stopped it: restored as a stopped tab, not consuming. */
  stopped: z.boolean()
})
export type WorkspaceTab = z.infer<typeof WorkspaceTabSchema>

export const WorkspaceSchema = z.object({
  version: z.literal(1),
  tabs: z.array(WorkspaceTabSchema).max(200),
  /** Index into tabs; null: the new-table tab. */
  activeTab: z.number().int().min(0).nullable(),
  section: z.enum(['tables', 'connections', 'registry']).optional()
})
export type Workspace = z.infer<typeof WorkspaceSchema>
