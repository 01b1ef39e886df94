import { z } from 'zod'

// The messages both ends exchange, modelled on VS Code's ipc.ts RequestType/ResponseType.
// Every field is JSON-safe so the same messages travel over Electron IPC and WebSocket alike.

const MessageId = z.number().int().nonnegative()
const MemberName = z.string().min(1).max(200)

export const WireErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional()
})

export const CallMessageSchema = z.object({ t: z.literal('call'), id: MessageId, svc: MemberName, m: MemberName, a: z.unknown().optional() })
export const CancelMessageSchema = z.object({ t: z.literal('cancel'), id: MessageId })
export const SubscribeMessageSchema = z.object({ t: z.literal('sub'), id: MessageId, svc: MemberName, e: MemberName, a: z.unknown().optional() })
export const UnsubscribeMessageSchema = z.object({ t: z.literal('unsub'), id: MessageId })

export const ClientMessageSchema = z.discriminatedUnion('t', [
  CallMessageSchema,
  CancelMessageSchema,
  SubscribeMessageSchema,
  UnsubscribeMessageSchema
])

export const ServerMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ok'), id: MessageId, v: z.unknown().optional() }),
  z.object({ t: z.literal('err'), id: MessageId, e: WireErrorSchema }),
  z.object({ t: z.literal('evt'), id: MessageId, v: z.unknown() })
])

export type WireError = z.infer<typeof WireErrorSchema>
export type CallMessage = z.infer<typeof CallMessageSchema>
export type SubscribeMessage = z.infer<typeof SubscribeMessageSchema>
export type ClientMessage = z.infer<typeof ClientMessageSchema>
export type ServerMessage = z.infer<typeof ServerMessageSchema>
export type WireMessage = ClientMessage | ServerMessage

/** The id of a message that failed validation, if it carries a usable one, so the sender can be told. */
export function messageIdOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined
  const id = MessageId.safeParse((message as { id?: unknown }).id)
  return id.success ? id.data : undefined
}
