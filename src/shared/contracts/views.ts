import { z } from 'zod'
import { call, defineContract, event } from '../ipc/contract'
import { OpenViewArgsSchema, SetViewportArgsSchema, ViewIdSchema, ViewportDataSchema, ViewSpecSchema } from '../model/views'

const ViewRef = z.object({ viewId: ViewIdSchema })

/**
 * A tab's window onto a table: sort, filters and columns are computed in the engine; only the rows in the
 * viewport cross the wire, as columns.
 */
export const views = defineContract('views', {
  openView: call(OpenViewArgsSchema, z.object({ viewId: ViewIdSchema, rowCount: z.number() })),
  setViewSpec: call(z.object({ viewId: ViewIdSchema, spec: ViewSpecSchema }), z.object({ rowCount: z.number() })),
  /** Returns the rows at once; later changes of those rows arrive through onViewportData. */
  setViewport: call(SetViewportArgsSchema, ViewportDataSchema),
  /** Rows [first, last) once, without moving the viewport (copying a selection): at most 2,000 rows a call. */
  readRows: call(SetViewportArgsSchema, ViewportDataSchema),
  closeView: call(ViewRef, z.void()),
  /** The current viewport again whenever the view's rows change: at most one per animation frame (16 ms). */
  onViewportData: event(ViewRef, ViewportDataSchema)
})
