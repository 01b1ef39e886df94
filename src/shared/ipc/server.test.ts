import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { call, defineContract, event, type RpcContext } from './contract'
import { createTransportPair } from './memoryTransport'
import { RpcServer } from './server'
import type { Transport } from './transport'
import type { ClientMessage, ServerMessage } from './wire'

const counter = defineContract('counter', {
  read: call(z.void(), z.number()),
  onCount: event(z.object({ start: z.number() }), z.number())
})

const waitOptions = { timeout: 1000, interval: 1 }

/** A server with `impl` attached to one end of a pair; the test speaks raw wire messages on the other. */
function serve(impl: Partial<Record<'read' | 'onCount', (...args: never[]) => unknown>>, options = {}) {
  const server = new RpcServer(options)
  server.register(counter, { read: () => 1, onCount: () => () => {}, ...impl } as never)
  const [client, serverEnd] = createTransportPair()
  const connection = server.attach(serverEnd)
  const replies: ServerMessage[] = []
  client.onMessage((message) => replies.push(message as ServerMessage))
  const send = (message: ClientMessage) => client.send(message)
  const replyTo = async (id: number) => {
    await vi.waitFor(() => expect(replies.some((reply) => reply.id === id)).toBe(true), waitOptions)
    return replies.filter((reply) => reply.id === id)
  }
  return { server, client, serverEnd, connection, replies, send, replyTo }
}

describe('RpcServer.register', () => {
  it('refuses a second implementation of the same service', () => {
    const server = new RpcServer()
    server.register(counter, { read: () => 1, onCount: () => () => {} })
    expect(() => server.register(counter, { read: () => 1, onCount: () => () => {} })).toThrow(/already registered/)
  })

  it('refuses an implementation with a member missing', () => {
    expect(() => new RpcServer().register(counter, { read: () => 1 } as never)).toThrow(/counter.onCount is not implemented/)
  })
})

describe('RpcServer', () => {
  let internalErrors: unknown[]
  beforeEach(() => {
    internalErrors = []
  })
  const reportTo = () => ({ onInternalError: (error: unknown) => internalErrors.push(error) })

  it('answers calls to events, events called as methods and prototype names with NOT_FOUND', async () => {
    const { send, replyTo } = serve({})
    send({ t: 'call', id: 1, svc: 'counter', m: 'onCount', a: { start: 0 } })
    send({ t: 'sub', id: 2, svc: 'counter', e: 'read' })
    send({ t: 'call', id: 3, svc: 'counter', m: 'toString' })
    send({ t: 'call', id: 4, svc: 'constructor', m: 'read' })
    for (const id of [1, 2, 3, 4]) expect(await replyTo(id)).toEqual([expect.objectContaining({ t: 'err', e: expect.objectContaining({ code: 'NOT_FOUND' }) })])
  })

  it('refuses a message id already in use without disturbing its owner', async () => {
    let release!: (value: number) => void
    const { send, replyTo } = serve({ read: () => new Promise((resolve) => (release = resolve)) })
    send({ t: 'call', id: 1, svc: 'counter', m: 'read' })
    send({ t: 'call', id: 1, svc: 'counter', m: 'read' })
    expect(await replyTo(1)).toEqual([{ t: 'err', id: 1, e: { code: 'BAD_MESSAGE', message: 'Message id 1 is already in use' } }])
    release(5)
    await vi.waitFor(async () => expect(await replyTo(1)).toContainEqual({ t: 'ok', id: 1, v: 5 }), waitOptions)
  })

  it('passes each connection its own id', async () => {
    const seen: string[] = []
    const server = new RpcServer()
    const read = (_args: void, ctx: RpcContext) => {
      seen.push(ctx.connectionId)
      return 1
    }
    server.register(counter, { read, onCount: () => () => {} })
    const [clientA, serverA] = createTransportPair()
    const [clientB, serverB] = createTransportPair()
    expect(server.attach(serverA).id).not.toBe(server.attach(serverB).id)
    clientA.send({ t: 'call', id: 1, svc: 'counter', m: 'read' })
    clientB.send({ t: 'call', id: 1, svc: 'counter', m: 'read' })
    await vi.waitFor(() => expect(new Set(seen).size).toBe(2), waitOptions)
  })

  it('delivers events emitted while subscribing, and none after the unsubscribe', async () => {
    let emitLater!: (n: number) => void
    const { send, replyTo, server, replies } = serve({
      onCount: ({ start }: { start: number }, emit: (n: number) => void) => {
        emit(start)
        emitLater = emit
        return () => {}
      }
    })
    send({ t: 'sub', id: 1, svc: 'counter', e: 'onCount', a: { start: 7 } })
    expect(await replyTo(1)).toEqual([{ t: 'evt', id: 1, v: 7 }])
    send({ t: 'unsub', id: 1 })
    await vi.waitFor(() => expect(server.activeSubscriptions).toBe(0), waitOptions)
    emitLater(8)
    send({ t: 'call', id: 2, svc: 'counter', m: 'read' })
    await replyTo(2)
    expect(replies.filter((reply) => reply.id === 1)).toHaveLength(1)
  })

  it('ends a subscription whose implementation throws or returns no teardown, with INTERNAL', async () => {
    const { send, replyTo, server } = serve({ onCount: () => 'not a teardown' }, reportTo())
    send({ t: 'sub', id: 1, svc: 'counter', e: 'onCount', a: { start: 0 } })
    expect(await replyTo(1)).toEqual([
      { t: 'err', id: 1, e: { code: 'INTERNAL', message: 'An event implementation must return a Disposable or a function' } }
    ])
    expect(server.activeSubscriptions).toBe(0)
    expect(internalErrors).toHaveLength(1)
  })

  it('ends a subscription whose payload breaks the contract when validating outputs', async () => {
    const teardown = vi.fn()
    const { send, replyTo, server } = serve(
      {
        onCount: (_args: unknown, emit: (n: unknown) => void) => {
          setTimeout(() => emit('three'), 0)
          return teardown
        }
      },
      { validateOutputs: true }
    )
    send({ t: 'sub', id: 1, svc: 'counter', e: 'onCount', a: { start: 0 } })
    const [reply] = await replyTo(1)
    expect(reply).toMatchObject({ t: 'err', e: { code: 'INTERNAL', message: expect.stringContaining('payload of counter.onCount does not match the contract') } })
    expect(server.activeSubscriptions).toBe(0)
    expect(teardown).toHaveBeenCalledTimes(1)
  })

  it('passes outputs through unchecked when not validating outputs', async () => {
    const { send, replyTo } = serve({ read: () => 'not a number' })
    send({ t: 'call', id: 1, svc: 'counter', m: 'read' })
    expect(await replyTo(1)).toEqual([{ t: 'ok', id: 1, v: 'not a number' }])
  })

  it('reports a throwing teardown and still forgets the subscription', async () => {
    const { send, server } = serve(
      {
        onCount: () => () => {
          throw new Error('teardown failed')
        }
      },
      reportTo()
    )
    send({ t: 'sub', id: 1, svc: 'counter', e: 'onCount', a: { start: 0 } })
    await vi.waitFor(() => expect(server.activeSubscriptions).toBe(1), waitOptions)
    send({ t: 'unsub', id: 1 })
    await vi.waitFor(() => expect(server.activeSubscriptions).toBe(0), waitOptions)
    expect(internalErrors).toEqual([expect.objectContaining({ message: 'teardown failed' })])
  })

  it('on detach, ends every subscription and call but leaves the transport open', async () => {
    const teardown = vi.fn()
    let callSignal: AbortSignal | undefined
    const { send, server, connection, serverEnd } = serve({
      read: (_args: void, ctx: RpcContext) => {
        callSignal = ctx.signal
        return new Promise(() => {})
      },
      onCount: () => teardown
    })
    const closed = vi.fn()
    serverEnd.onClose(closed)
    send({ t: 'sub', id: 1, svc: 'counter', e: 'onCount', a: { start: 0 } })
    send({ t: 'call', id: 2, svc: 'counter', m: 'read' })
    await vi.waitFor(() => expect(server.activeSubscriptions + server.activeCalls).toBe(2), waitOptions)
    connection.dispose()
    expect(server.activeSubscriptions + server.activeCalls).toBe(0)
    expect(teardown).toHaveBeenCalledTimes(1)
    expect(callSignal?.reason).toMatchObject({ code: 'CLOSED' })
    expect(closed).not.toHaveBeenCalled()
  })

  it('serves a transport that was already closed by detaching at once', async () => {
    const server = new RpcServer()
    const [, serverEnd]: Transport[] = createTransportPair()
    serverEnd.close()
    server.attach(serverEnd)
    await vi.waitFor(() => expect(server.activeSubscriptions).toBe(0), waitOptions)
  })
})
