import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { z } from 'zod'
import { createClient, type ClientOf } from '../../src/shared/ipc/client'
import { call, defineContract } from '../../src/shared/ipc/contract'
import { AppError } from '../../src/shared/ipc/errors'
import { RpcServer } from '../../src/shared/ipc/server'
import type { Transport } from '../../src/shared/ipc/transport'
import type { ClientMessage, ServerMessage } from '../../src/shared/ipc/wire'
import { demo } from './demoContract'
import { DemoService } from './DemoService'

export interface TransportPair {
  readonly client: Transport
  readonly server: Transport
  dispose(): Promise<void>
}

const waitOptions = { timeout: 2000, interval: 2 }

/** Rejection of `promise` as an AppError, failing the test if it resolves or rejects with something else. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

function collectUntil<T>(count: number): { values: T[]; listener: (value: T) => void; done: Promise<T[]> } {
  const values: T[] = []
  let finish!: (values: T[]) => void
  const done = new Promise<T[]>((resolve) => (finish = resolve))
  const listener = (value: T) => {
    values.push(value)
    if (values.length === count) finish(values)
  }
  return { values, listener, done }
}

/** The one RPC contract suite; each transport runs it (VS Code's ipc.test.ts over createProtocolPair and sockets). */
export function describeRpcContract(transportName: string, createPair: () => Promise<TransportPair>): void {
  describe(`RPC over ${transportName}`, () => {
    let pair: TransportPair
    let service: DemoService
    let server: RpcServer
    let api: ClientOf<{ demo: typeof demo }>
    let internalErrors: unknown[]

    beforeEach(async () => {
      internalErrors = []
      service = new DemoService()
      server = new RpcServer({ validateOutputs: true, onInternalError: (error) => internalErrors.push(error) })
      server.register(demo, service)
      pair = await createPair()
      server.attach(pair.server)
      api = createClient(pair.client, { demo })
    })

    afterEach(async () => {
      await pair.dispose()
      await vi.waitFor(() => expect(server.activeSubscriptions + server.activeCalls).toBe(0), waitOptions)
    })

    it('returns typed results', async () => {
      const echoed = api.demo.echo({ text: 'hello' })
      expectTypeOf(echoed).toEqualTypeOf<Promise<{ text: string }>>()
      expect(await echoed).toEqual({ text: 'hello' })
      expect(await api.demo.add({ a: 2, b: 3 })).toBe(5)
      expect(await api.demo.version()).toBe('demo-1')
    })

    it('carries AppError codes, messages and details across the wire', async () => {
      const error = await appErrorOf(api.demo.fail({ code: 'VIEW_NOT_FOUND', message: 'No view 7', details: { viewId: '7' } }))
      expect(error).toMatchObject({ code: 'VIEW_NOT_FOUND', message: 'No view 7', details: { viewId: '7' } })
    })

    it('sends other errors as INTERNAL with their message only, reporting them on the server', async () => {
      const error = await appErrorOf(api.demo.crash({ message: 'disk on fire' }))
      expect(error).toMatchObject({ code: 'INTERNAL', message: 'disk on fire', details: undefined })
      expect(internalErrors).toEqual([expect.objectContaining({ message: 'disk on fire' })])
    })

    it('rejects bad call arguments with BAD_ARGS naming the field', async () => {
      const error = await appErrorOf(api.demo.add({ a: 1, b: 'two' as unknown as number }))
      expect(error.code).toBe('BAD_ARGS')
      expect(error.message).toMatch(/^Invalid arguments for demo\.add: b: /)
      expect(error.details).toEqual({ issues: [{ path: 'b', problem: expect.any(String) }] })
      expect((await appErrorOf(api.demo.echo(undefined as unknown as { text: string }))).message).toContain('(root): ')
    })

    it('rejects bad subscription arguments with BAD_ARGS and keeps no subscription', async () => {
      const error = await new Promise<AppError>((resolve) => api.demo.onNumbers({ from: 0, count: -1 }, () => {}, resolve))
      expect(error.code).toBe('BAD_ARGS')
      expect(error.message).toContain('count: ')
      expect(server.activeSubscriptions).toBe(0)
    })

    it('answers members the server does not have with NOT_FOUND', async () => {
      const newerDemo = defineContract('demo', { rename: call(z.string(), z.void()) })
      const newerApi = createClient(pair.client, { demo: newerDemo })
      expect(await appErrorOf(newerApi.demo.rename('x'))).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown method demo.rename' })
    })

    it('answers malformed messages that carry an id with BAD_MESSAGE and drops the others', async () => {
      const received: unknown[] = []
      pair.client.onMessage((message) => received.push(message))
      pair.client.send({ t: 'call', id: 9999, svc: 'demo' } as unknown as ClientMessage)
      pair.client.send({ hello: 'world' } as unknown as ClientMessage)
      expect(await api.demo.add({ a: 1, b: 1 })).toBe(2)
      const badMessageReply = received.find((message) => (message as ServerMessage).id === 9999)
      expect(badMessageReply).toMatchObject({ t: 'err', id: 9999, e: { code: 'BAD_MESSAGE', message: expect.stringContaining('m: ') } })
    })

    it('fails results JSON cannot carry with INTERNAL instead of leaving the call hanging', async () => {
      const error = await appErrorOf(api.demo.unserialisable())
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toMatch(/^Could not send the result: .*BigInt/)
    })

    it('fails results that do not match the contract with INTERNAL (validateOutputs)', async () => {
      const error = await appErrorOf(api.demo.wrongShape())
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toContain('result of demo.wrongShape does not match the contract: ok: ')
    })

    it('cancels: the client gets CANCELLED and the server sees its AbortSignal fire', async () => {
      const controller = new AbortController()
      const waiting = api.demo.waitForCancel(undefined, { signal: controller.signal })
      await vi.waitFor(() => expect(service.waitingSignals).toHaveLength(1), waitOptions)
      const serverSignal = service.waitingSignals[0]!
      const serverAborted = new Promise((resolve) => serverSignal.addEventListener('abort', resolve))
      controller.abort()
      expect((await appErrorOf(waiting)).code).toBe('CANCELLED')
      await serverAborted
      expect(serverSignal.reason).toMatchObject({ code: 'CANCELLED' })
      await vi.waitFor(() => expect(server.activeCalls).toBe(0), waitOptions)
    })

    it('rejects a call whose signal is already aborted without sending it', async () => {
      const error = await appErrorOf(api.demo.waitForCancel(undefined, { signal: AbortSignal.abort() }))
      expect(error.code).toBe('CANCELLED')
      expect(await api.demo.version()).toBe('demo-1')
      expect(service.waitingSignals).toHaveLength(0)
    })

    it('delivers events in order', async () => {
      const numbers = collectUntil<number>(500)
      const unsubscribe = api.demo.onNumbers({ from: 1, count: 500 }, numbers.listener)
      expectTypeOf(numbers.listener).parameter(0).toEqualTypeOf<number>()
      expect(await numbers.done).toEqual(Array.from({ length: 500 }, (_, i) => i + 1))
      unsubscribe()
    })

    it('stops delivery on unsubscribe and disposes the server-side subscription', async () => {
      const received: unknown[] = []
      const unsubscribe = api.demo.onBroadcast({ channel: 'news' }, (message) => received.push(message))
      await vi.waitFor(() => expect(server.activeSubscriptions).toBe(1), waitOptions)
      expect(await api.demo.broadcast({ channel: 'news', message: 'first' })).toBe(1)
      expect(received).toEqual([{ channel: 'news', message: 'first' }])

      unsubscribe()
      unsubscribe()
      await vi.waitFor(() => expect(server.activeSubscriptions).toBe(0), waitOptions)
      expect(await api.demo.broadcast({ channel: 'news', message: 'second' })).toBe(0)
      expect(received).toHaveLength(1)
      expect(service.teardowns).toBe(1)
    })

    it('on client close: disposes every subscription, rejects pending calls with CLOSED, leaks nothing', async () => {
      const subscriptionErrors: AppError[] = []
      api.demo.onBroadcast({ channel: 'a' }, () => {}, (error) => subscriptionErrors.push(error))
      api.demo.onBroadcast({ channel: 'b' }, () => {}, (error) => subscriptionErrors.push(error))
      api.demo.onNumbers({ from: 0, count: 10_000 }, () => {}, (error) => subscriptionErrors.push(error))
      const waiting = api.demo.waitForCancel()
      await vi.waitFor(() => {
        expect(server.activeSubscriptions).toBe(3)
        expect(service.waitingSignals).toHaveLength(1)
      }, waitOptions)

      pair.client.close()

      expect((await appErrorOf(waiting)).code).toBe('CLOSED')
      expect(subscriptionErrors.map((error) => error.code)).toEqual(['CLOSED', 'CLOSED', 'CLOSED'])
      await vi.waitFor(() => {
        expect(server.activeSubscriptions).toBe(0)
        expect(server.activeCalls).toBe(0)
      }, waitOptions)
      expect(service.teardowns).toBe(3)
      expect(service.waitingSignals[0]!.aborted).toBe(true)
      expect((await appErrorOf(api.demo.version())).code).toBe('CLOSED')
    })

    it('on server close: rejects pending client calls with CLOSED and disposes subscriptions', async () => {
      const subscriptionError = new Promise<AppError>((resolve) => api.demo.onBroadcast({ channel: 'a' }, () => {}, resolve))
      const waiting = api.demo.waitForCancel()
      await vi.waitFor(() => expect(service.waitingSignals).toHaveLength(1), waitOptions)

      pair.server.close()

      expect((await appErrorOf(waiting)).code).toBe('CLOSED')
      expect((await subscriptionError).code).toBe('CLOSED')
      expect(server.activeSubscriptions).toBe(0)
      expect(service.teardowns).toBe(1)
    })

    it('interleaves many concurrent calls and events correctly', async () => {
      const numbers = collectUntil<number>(300)
      api.demo.onNumbers({ from: 0, count: 300 }, numbers.listener)
      const texts = Array.from({ length: 300 }, (_, i) => `call-${i}`)
      const results = await Promise.all(
        texts.map((text, i) => (i % 3 === 0 ? api.demo.echo({ text }).then((r) => r.text) : api.demo.delayedEcho({ text, delayMs: (i * 7) % 13 })))
      )
      expect(results).toEqual(texts)
      expect(await numbers.done).toEqual(Array.from({ length: 300 }, (_, i) => i))
    })
  })
}
