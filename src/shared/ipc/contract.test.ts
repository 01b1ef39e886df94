import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { call, defineContract, event, type ApiOf, type CallOptions, type ImplOf, type RpcContext, type Unsubscribe } from './contract'
import type { Disposable } from './disposable'
import type { AppError } from './errors'

const ViewRef = z.object({ viewId: z.string() })
const tables = defineContract('tables', {
  openView: call(z.object({ topic: z.string(), limit: z.number().default(100) }), z.object({ viewId: z.string() })),
  listViews: call(z.void(), z.array(z.string())),
  onViewportData: event(ViewRef, z.object({ seq: z.number() }))
})

describe('defineContract', () => {
  it('keeps the name and the member definitions', () => {
    expect(tables.name).toBe('tables')
    expect(Object.keys(tables.members)).toEqual(['openView', 'listViews', 'onViewportData'])
    expect(tables.members.onViewportData.kind).toBe('event')
  })

  it('enforces the naming rules', () => {
    expect(() => defineContract('Tables', {})).toThrow(/lowercase/)
    expect(() => defineContract('tables', { onOpen: call(z.void(), z.void()) })).toThrow(/calls must not start with 'on'/)
    expect(() => defineContract('tables', { viewportData: event(z.void(), z.void()) })).toThrow(/events must be named onXxx/)
    expect(() => defineContract('tables', { 'open-view': call(z.void(), z.void()) })).toThrow()
  })
})

describe('ApiOf and ImplOf', () => {
  it('type the client side: input args in, output results out', () => {
    type Api = ApiOf<typeof tables>
    expectTypeOf<Api['openView']>().parameters.toEqualTypeOf<[args: { topic: string; limit?: number }, options?: CallOptions]>()
    expectTypeOf<Api['openView']>().returns.toEqualTypeOf<Promise<{ viewId: string }>>()
    expectTypeOf<Api['listViews']>().parameters.toEqualTypeOf<[args?: void, options?: CallOptions]>()
    expectTypeOf<Api['onViewportData']>().toEqualTypeOf<
      (args: { viewId: string }, listener: (payload: { seq: number }) => void, onError?: (error: AppError) => void) => Unsubscribe
    >()
  })

  it('type the server side: parsed args and a context in, a result or a teardown out', () => {
    type Impl = ImplOf<typeof tables>
    expectTypeOf<Impl['openView']>().parameters.toEqualTypeOf<[args: { topic: string; limit: number }, ctx: RpcContext]>()
    expectTypeOf<Impl['openView']>().returns.toEqualTypeOf<Promise<{ viewId: string }> | { viewId: string }>()
    expectTypeOf<Impl['onViewportData']>().returns.toEqualTypeOf<Disposable | (() => void)>()
  })
})
