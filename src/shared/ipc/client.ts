import type { ApiOf, CallOptions, Contract, Unsubscribe } from './contract'
import { AppError, ErrorCode, errorMessage, fromWireError } from './errors'
import type { Transport } from './transport'
import { ServerMessageSchema, type ClientMessage } from './wire'

export type ClientOf<Cs extends Record<string, Contract>> = { readonly [K in keyof Cs]: ApiOf<Cs[K]> }

interface PendingCall {
  resolve(value: unknown): void
  reject(error: AppError): void
}

interface ClientSubscription {
  readonly where: string
  listener(payload: unknown): void
  onError?(error: AppError): void
}

/**
 * A typed proxy for the given contracts over one transport (VS Code's ProxyChannel.toService).
 * The client lives as long as the transport: when it closes, pending calls reject with CLOSED,
 * subscriptions get CLOSED through their `onError`, and later calls reject with CLOSED at once.
 * Calls made before a transport is connected are the transport's business (see webSocketClientTransport).
 */
export function createClient<const Cs extends Record<string, Contract>>(transport: Transport, contracts: Cs): ClientOf<Cs> {
  const calls = new Map<number, PendingCall>()
  const subscriptions = new Map<number, ClientSubscription>()
  let nextId = 1
  let closed = false

  transport.onMessage((raw) => {
    const parsed = ServerMessageSchema.safeParse(raw)
    if (!parsed.success) return
    const message = parsed.data
    if (message.t === 'evt') return subscriptions.get(message.id)?.listener(message.v)
    const call = calls.get(message.id)
    calls.delete(message.id)
    if (message.t === 'ok') return call?.resolve(message.v)
    const error = fromWireError(message.e)
    if (call) return call.reject(error)
    const subscription = subscriptions.get(message.id)
    subscriptions.delete(message.id)
    if (subscription) reportSubscriptionError(subscription, error)
  })

  transport.onClose(() => {
    closed = true
    const error = closedError()
    const pendingCalls = [...calls.values()]
    const activeSubscriptions = [...subscriptions.values()]
    calls.clear()
    subscriptions.clear()
    pendingCalls.forEach((call) => call.reject(error))
    activeSubscriptions.forEach((subscription) => reportSubscriptionError(subscription, error))
  })

  /** Returns false, after failing the request, when the message cannot be sent (e.g. args JSON cannot carry). */
  function trySend(message: ClientMessage, fail: (error: AppError) => void): boolean {
    try {
      transport.send(message)
      return true
    } catch (error) {
      fail(new AppError(ErrorCode.BadArgs, `Arguments cannot be sent: ${errorMessage(error)}`))
      return false
    }
  }

  function invoke(svc: string, m: string, args: unknown, options: CallOptions = {}): Promise<unknown> {
    const { signal } = options
    if (signal?.aborted) return Promise.reject(cancelledError())
    if (closed) return Promise.reject(closedError())
    const id = nextId++
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!calls.delete(id)) return
        transport.send({ t: 'cancel', id })
        reject(cancelledError())
      }
      const settle = <T>(finish: (value: T) => void) => (value: T) => {
        signal?.removeEventListener('abort', onAbort)
        finish(value)
      }
      calls.set(id, { resolve: settle(resolve), reject: settle(reject) })
      signal?.addEventListener('abort', onAbort, { once: true })
      trySend({ t: 'call', id, svc, m, a: args }, (error) => {
        calls.delete(id)
        settle(reject)(error)
      })
    })
  }

  function subscribe(
    svc: string,
    e: string,
    args: unknown,
    listener: (payload: unknown) => void,
    onError?: (error: AppError) => void
  ): Unsubscribe {
    const subscription: ClientSubscription = { where: `${svc}.${e}`, listener, onError }
    if (closed) {
      queueMicrotask(() => reportSubscriptionError(subscription, closedError()))
      return () => {}
    }
    const id = nextId++
    subscriptions.set(id, subscription)
    const sent = trySend({ t: 'sub', id, svc, e, a: args }, (error) => {
      subscriptions.delete(id)
      queueMicrotask(() => reportSubscriptionError(subscription, error))
    })
    if (!sent) return () => {}
    return () => {
      if (subscriptions.delete(id) && !closed) transport.send({ t: 'unsub', id })
    }
  }

  const api: Record<string, unknown> = {}
  for (const [key, contract] of Object.entries(contracts)) {
    const members: Record<string, unknown> = {}
    for (const [name, def] of Object.entries(contract.members)) {
      members[name] =
        def.kind === 'call'
          ? (args: unknown, options?: CallOptions) => invoke(contract.name, name, args, options)
          : (args: unknown, listener: (payload: unknown) => void, onError?: (error: AppError) => void) =>
              subscribe(contract.name, name, args, listener, onError)
    }
    api[key] = Object.freeze(members)
  }
  return Object.freeze(api) as ClientOf<Cs>
}

function reportSubscriptionError(subscription: ClientSubscription, error: AppError): void {
  if (subscription.onError) subscription.onError(error)
  else if (error.code !== ErrorCode.Closed) console.error(`Subscription ${subscription.where} ended:`, error)
}

function closedError(): AppError {
  return new AppError(ErrorCode.Closed, 'The connection is closed')
}

function cancelledError(): AppError {
  return new AppError(ErrorCode.Cancelled, 'The call was cancelled')
}
