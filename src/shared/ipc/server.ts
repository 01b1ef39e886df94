import type { z } from 'zod'
import type { Contract, EventDef, ImplOf, MemberDef, RpcContext } from './contract'
import { isDisposable, toDisposable, type Disposable } from './disposable'
import { AppError, ErrorCode, errorMessage, toWireError } from './errors'
import type { Transport } from './transport'
import { ClientMessageSchema, messageIdOf, type CallMessage, type ServerMessage, type SubscribeMessage } from './wire'
import { describeIssues, summariseIssues } from './zodIssues'

export interface RpcServerOptions {
  /**
   * Also parse results and event payloads with the contract's schemas before sending them. Meant for
   * development and tests: it costs a parse per message, and a mismatch is a server bug (the client
   * gets INTERNAL; a subscription whose payload does not match is ended with INTERNAL).
   */
  validateOutputs?: boolean
  /** Errors the client only sees as INTERNAL, with the stack that stays on this side. */
  onInternalError?: (error: unknown, where: string) => void
}

export interface AttachedConnection extends Disposable {
  readonly id: string
}

type Handler = (...args: unknown[]) => unknown

interface ResolvedMember<D extends MemberDef> {
  readonly def: D
  readonly invoke: Handler
}

interface Subscription {
  readonly controller: AbortController
  teardown?: () => void
}

interface Connection {
  readonly id: string
  readonly transport: Transport
  readonly calls: Map<number, AbortController>
  readonly subscriptions: Map<number, Subscription>
  detached: boolean
}

/** Serves registered contracts to any number of transports (VS Code's ChannelServer + ProxyChannel.fromService). */
export class RpcServer {
  private readonly services = new Map<string, { contract: Contract; impl: Record<string, Handler> }>()
  private readonly connections = new Set<Connection>()
  private nextConnectionNumber = 1
  private readonly disconnectListeners = new Set<(connectionId: string) => void>()

  constructor(private readonly options: RpcServerOptions = {}) {}

  get activeSubscriptions(): number {
    let count = 0
    for (const connection of this.connections) count += connection.subscriptions.size
    return count
  }

  get activeCalls(): number {
    let count = 0
    for (const connection of this.connections) count += connection.calls.size
    return count
  }

  /** Register every service before attaching transports: calls to unknown services fail with NOT_FOUND. */
  register<C extends Contract>(contract: C, impl: ImplOf<C>): void {
    if (this.services.has(contract.name)) throw new Error(`Service '${contract.name}' is already registered`)
    const handlers = impl as unknown as Record<string, Handler>
    for (const member of Object.keys(contract.members)) {
      if (typeof handlers[member] !== 'function') throw new Error(`${contract.name}.${member} is not implemented`)
    }
    this.services.set(contract.name, { contract, impl: handlers })
  }

  /** Serves the transport until it closes or the returned connection is disposed; both end its calls and subscriptions. */
  attach(transport: Transport): AttachedConnection {
    const connection: Connection = {
      id: String(this.nextConnectionNumber++),
      transport,
      calls: new Map(),
      subscriptions: new Map(),
      detached: false
    }
    this.connections.add(connection)
    const detach = toDisposable(() => {
      stopListening()
      stopWatchingClose()
      this.detach(connection)
    })
    const stopWatchingClose = transport.onClose(() => detach.dispose())
    const stopListening = transport.onMessage((message) => this.handleMessage(connection, message))
    return { id: connection.id, dispose: () => detach.dispose() }
  }

  /** Services that own per-connection state (open tables) release it here when a window or socket goes away. */
  onDisconnect(listener: (connectionId: string) => void): () => void {
    this.disconnectListeners.add(listener)
    return () => this.disconnectListeners.delete(listener)
  }

  private detach(connection: Connection): void {
    connection.detached = true
    for (const listener of [...this.disconnectListeners]) listener(connection.id)
    for (const id of [...connection.subscriptions.keys()]) this.endSubscription(connection, id)
    for (const controller of connection.calls.values()) controller.abort(new AppError(ErrorCode.Closed, 'Connection closed'))
    connection.calls.clear()
    this.connections.delete(connection)
  }

  private handleMessage(connection: Connection, raw: unknown): void {
    if (connection.detached) return
    const parsed = ClientMessageSchema.safeParse(raw)
    if (!parsed.success) {
      const id = messageIdOf(raw)
      const error = new AppError(ErrorCode.BadMessage, `Malformed message: ${describeIssues(parsed.error.issues)}`)
      if (id !== undefined) this.sendError(connection, id, error)
      return
    }
    const message = parsed.data
    switch (message.t) {
      case 'call':
        return void this.handleCall(connection, message)
      case 'cancel':
        return this.cancelCall(connection, message.id)
      case 'sub':
        return this.subscribe(connection, message)
      case 'unsub':
        return this.endSubscription(connection, message.id)
    }
  }

  private async handleCall(connection: Connection, message: CallMessage): Promise<void> {
    const { id } = message
    const where = `${message.svc}.${message.m}`
    if (this.isIdInUse(connection, id)) return this.sendError(connection, id, duplicateIdError(id))
    const controller = new AbortController()
    connection.calls.set(id, controller)
    try {
      const { def, invoke } = this.resolve(message.svc, message.m, 'call')
      const args = parseArgs(def.args, message.a, where)
      const ctx: RpcContext = { connectionId: connection.id, signal: controller.signal }
      const value = await invoke(args, ctx)
      if (controller.signal.aborted) return
      this.send(connection, { t: 'ok', id, v: this.checkOutput(def.result, value, `result of ${where}`) })
    } catch (error) {
      if (!controller.signal.aborted) this.sendError(connection, id, error, where)
    } finally {
      if (connection.calls.get(id) === controller) connection.calls.delete(id)
    }
  }

  private cancelCall(connection: Connection, id: number): void {
    const controller = connection.calls.get(id)
    if (!controller) return
    connection.calls.delete(id)
    controller.abort(new AppError(ErrorCode.Cancelled, 'Call cancelled by the client'))
  }

  private subscribe(connection: Connection, message: SubscribeMessage): void {
    const { id } = message
    const where = `${message.svc}.${message.e}`
    if (this.isIdInUse(connection, id)) return this.sendError(connection, id, duplicateIdError(id))
    let member: ResolvedMember<EventDef>
    let args: unknown
    try {
      member = this.resolve(message.svc, message.e, 'event')
      args = parseArgs(member.def.args, message.a, where)
    } catch (error) {
      return this.sendError(connection, id, error, where)
    }
    const subscription: Subscription = { controller: new AbortController() }
    connection.subscriptions.set(id, subscription)
    const emit = (payload: unknown) => {
      if (subscription.controller.signal.aborted) return
      try {
        this.send(connection, { t: 'evt', id, v: this.checkOutput(member.def.payload, payload, `payload of ${where}`) })
      } catch (error) {
        this.failSubscription(connection, id, error, where)
      }
    }
    try {
      const ctx: RpcContext = { connectionId: connection.id, signal: subscription.controller.signal }
      subscription.teardown = toTeardown(member.invoke(args, emit, ctx))
    } catch (error) {
      return this.failSubscription(connection, id, error, where)
    }
    if (subscription.controller.signal.aborted) this.runTeardown(subscription, where)
  }

  private failSubscription(connection: Connection, id: number, error: unknown, where: string): void {
    if (!connection.subscriptions.has(id)) return
    this.endSubscription(connection, id)
    this.sendError(connection, id, error, where)
  }

  private endSubscription(connection: Connection, id: number): void {
    const subscription = connection.subscriptions.get(id)
    if (!subscription) return
    connection.subscriptions.delete(id)
    subscription.controller.abort()
    this.runTeardown(subscription, 'subscription teardown')
  }

  private runTeardown(subscription: Subscription, where: string): void {
    const teardown = subscription.teardown
    subscription.teardown = undefined
    try {
      teardown?.()
    } catch (error) {
      this.options.onInternalError?.(error, where)
    }
  }

  private resolve<K extends MemberDef['kind']>(svc: string, name: string, kind: K): ResolvedMember<Extract<MemberDef, { kind: K }>> {
    const service = this.services.get(svc)
    const def = service && Object.hasOwn(service.contract.members, name) ? service.contract.members[name] : undefined
    if (!service || !def || def.kind !== kind) {
      throw new AppError(ErrorCode.NotFound, `Unknown ${kind === 'call' ? 'method' : 'event'} ${svc}.${name}`)
    }
    const handler = service.impl[name]!
    return { def: def as Extract<MemberDef, { kind: K }>, invoke: (...args) => handler.apply(service.impl, args) }
  }

  private checkOutput(schema: z.ZodType, value: unknown, what: string): unknown {
    if (!this.options.validateOutputs) return value
    const result = schema.safeParse(value)
    if (!result.success) throw new Error(`The ${what} does not match the contract: ${describeIssues(result.error.issues)}`)
    return result.data
  }

  private isIdInUse(connection: Connection, id: number): boolean {
    return connection.calls.has(id) || connection.subscriptions.has(id)
  }

  private sendError(connection: Connection, id: number, error: unknown, where = 'rpc'): void {
    if (!(error instanceof AppError)) this.options.onInternalError?.(error, where)
    this.send(connection, { t: 'err', id, e: toWireError(error) })
  }

  /** A message JSON cannot carry still gets the peer an answer: INTERNAL instead of silence. */
  private send(connection: Connection, message: ServerMessage): void {
    if (connection.detached) return
    try {
      connection.transport.send(message)
    } catch (error) {
      this.options.onInternalError?.(error, `sending '${message.t}'`)
      const { id } = message
      if (message.t === 'err') {
        if (message.e.details !== undefined) this.send(connection, { t: 'err', id, e: { code: message.e.code, message: message.e.message } })
        return
      }
      const unsendable = new AppError(ErrorCode.Internal, `Could not send the ${message.t === 'ok' ? 'result' : 'event'}: ${errorMessage(error)}`)
      if (message.t === 'evt') this.failSubscription(connection, id, unsendable, 'event')
      else this.send(connection, { t: 'err', id, e: toWireError(unsendable) })
    }
  }
}

function parseArgs(schema: z.ZodType, value: unknown, where: string): unknown {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = result.error.issues
  throw new AppError(ErrorCode.BadArgs, `Invalid arguments for ${where}: ${describeIssues(issues)}`, { issues: summariseIssues(issues) })
}

function toTeardown(result: unknown): () => void {
  if (typeof result === 'function') return () => void result()
  if (isDisposable(result)) return () => result.dispose()
  throw new Error('An event implementation must return a Disposable or a function')
}

function duplicateIdError(id: number): AppError {
  return new AppError(ErrorCode.BadMessage, `Message id ${id} is already in use`)
}
