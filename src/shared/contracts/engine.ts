import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'

/** Facts about the engine host: which thread serves, and its event-loop health. */
export const EngineInfoSchema = z.object({
  version: z.string(),
  isWorkerThread: z.boolean(),
  uptimeMs: z.number(),
  openTables: z.number()
})
export type EngineInfo = z.infer<typeof EngineInfoSchema>

export const engine = defineContract('engine', {
  getInfo: call(z.void(), EngineInfoSchema)
})
