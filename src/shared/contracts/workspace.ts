import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { WorkspaceSchema } from '../model/workspace'

/** The open tabs and their views, saved as they change and restored when the app starts again. */
export const workspace = defineContract('workspace', {
  /** `problem`: the saved workspace could not be read (it is then ignored, not deleted). */
  loadWorkspace: call(z.void(), z.object({ workspace: WorkspaceSchema.nullable(), problem: z.string().optional() })),
  /** Replaces the saved workspace. Secret-looking Kafka properties of ad-hoc tabs are not written. */
  saveWorkspace: call(WorkspaceSchema, z.object({ droppedProperties: z.array(z.string()) }))
})
