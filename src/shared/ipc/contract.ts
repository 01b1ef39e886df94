import type { z } from 'zod'
import type { Disposable } from './disposable'
import type { AppError } from './errors'

// One contract object per service: the server validates against it, and both sides derive their
// types from it (VS Code's ProxyChannel idea, with zod schemas instead of hand-written glue).
// Result and payload schemas should describe plain JSON data (no transforms): both sides see z.output.

export interface CallDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly kind: 'call'
  readonly args: A
  readonly result: R
}

export interface EventDef<A extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  readonly kind: 'event'
  readonly args: A
  readonly payload: P
}

export type MemberDef = CallDef | EventDef

export interface Contract<N extends string = string, M extends Record<string, MemberDef> = Record<string, MemberDef>> {
  readonly name: N
  readonly members: M
}

export function call<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): CallDef<A, R> {
  return { kind: 'call', args, result }
}

export function event<A extends z.ZodType, P extends z.ZodType>(args: A, payload: P): EventDef<A, P> {
  return { kind: 'event', args, payload }
}

const SERVICE_NAME = /^[a-z][a-zA-Z0-9]*$/
const CALL_NAME = /^(?!on[A-Z])[a-z][a-zA-Z0-9]*$/
const EVENT_NAME = /^on[A-Z][a-zA-Z0-9]*$/

/** Enforces the naming rules: lowercase service names, `verbNoun` calls, `onXxx` events. */
export function defineContract<const N extends string, const M extends Record<string, MemberDef>>(
  name: N,
  members: M
): Contract<N, M> {
  if (!SERVICE_NAME.test(name)) throw new Error(`Contract name '${name}' must be a lowercase camelCase noun`)
  for (const [member, def] of Object.entries(members)) {
    const pattern = def.kind === 'call' ? CALL_NAME : EVENT_NAME
    if (!pattern.test(member)) {
      throw new Error(`${name}.${member}: ${def.kind === 'call' ? "calls must not start with 'on'" : "events must be named onXxx"}`)
    }
  }
  return Object.freeze({ name, members: Object.freeze({ ...members }) })
}

export type Unsubscribe = () => void

export interface CallOptions {
  /** Aborting rejects the call with CANCELLED and aborts the server's `ctx.signal`. */
  signal?: AbortSignal
}

/** What an implementation receives besides its arguments. */
export interface RpcContext {
  /** Identifies the attached transport (one window, one WebSocket). */
  readonly connectionId: string
  /** Calls: aborted when the client cancels or disconnects. Events: aborted when the subscription ends. */
  readonly signal: AbortSignal
}

type ClientCall<A extends z.ZodType, R extends z.ZodType> = undefined extends z.input<A>
  ? (args?: z.input<A>, options?: CallOptions) => Promise<z.output<R>>
  : (args: z.input<A>, options?: CallOptions) => Promise<z.output<R>>

type ClientEvent<A extends z.ZodType, P extends z.ZodType> = (
  args: z.input<A>,
  listener: (payload: z.output<P>) => void,
  onError?: (error: AppError) => void
) => Unsubscribe

type ClientMember<D> =
  D extends CallDef<infer A extends z.ZodType, infer R extends z.ZodType>
    ? ClientCall<A, R>
    : D extends EventDef<infer A extends z.ZodType, infer P extends z.ZodType>
      ? ClientEvent<A, P>
      : never

type ServerMember<D> =
  D extends CallDef<infer A extends z.ZodType, infer R extends z.ZodType>
    ? (args: z.output<A>, ctx: RpcContext) => Promise<z.output<R>> | z.output<R>
    : D extends EventDef<infer A extends z.ZodType, infer P extends z.ZodType>
      ? (args: z.output<A>, emit: (payload: z.output<P>) => void, ctx: RpcContext) => Disposable | (() => void)
      : never

/** The client-side API of a contract: `api.tables.openView(args)`, `api.tables.onViewportData(args, listener)`. */
export type ApiOf<C extends Contract> = { readonly [K in keyof C['members']]: ClientMember<C['members'][K]> }

/** What the main process implements: `class TablesService implements ImplOf<typeof tables>`. */
export type ImplOf<C extends Contract> = { [K in keyof C['members']]: ServerMember<C['members'][K]> }
