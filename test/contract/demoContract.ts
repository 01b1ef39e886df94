import { z } from 'zod'
import { call, defineContract, event } from '../../src/shared/ipc/contract'

/** A contract that exercises every feature of the RPC layer; used only by the contract tests. */
export const demo = defineContract('demo', {
  echo: call(z.object({ text: z.string() }), z.object({ text: z.string() })),
  add: call(z.object({ a: z.number(), b: z.number() }), z.number()),
  version: call(z.void(), z.string()),
  delayedEcho: call(z.object({ text: z.string(), delayMs: z.number().int().min(0).max(1000) }), z.string()),
  fail: call(z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }), z.void()),
  crash: call(z.object({ message: z.string() }), z.void()),
  waitForCancel: call(z.void(), z.void()),
  /** Declared `unknown` so only the wire, not validateOutputs, can catch the bigint it returns. */
  unserialisable: call(z.void(), z.unknown()),
  wrongShape: call(z.void(), z.object({ ok: z.boolean() })),
  broadcast: call(z.object({ channel: z.string(), message: z.string() }), z.number().int()),
  onNumbers: event(z.object({ from: z.number().int(), count: z.number().int().min(0).max(10_000) }), z.number()),
  onBroadcast: event(z.object({ channel: z.string() }), z.object({ channel: z.string(), message: z.string() }))
})
