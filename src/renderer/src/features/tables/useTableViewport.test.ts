import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import type { ViewportDataDto } from '../../../../shared/model/views'
import { createFrameScheduler } from './frameScheduler'
import { LOADING } from './gridModel'
import { TableSession } from './tableSession'
import { useTableViewport } from './useTableViewport'

const columns = [{ name: 'KafkaOffset', type: 'int64' as const }]

function data(first: number, n: number, version: number, rowCount = 1000): ViewportDataDto {
  const keys = Array.from({ length: n }, (_, i) => first + i)
  return { viewId: 'v1', version, rowCount, first, rowKeys: keys, columns: [{ name: 'KafkaOffset', type: 'int64', values: keys.map(String) }] }
}

function harness() {
  const calls: { method: string; args: unknown }[] = []
  let push: ((d: ViewportDataDto) => void) | null = null
  const views = {
    openView: async (args: unknown) => (calls.push({ method: 'openView', args }), { viewId: 'v1', rowCount: 1000 }),
    setViewSpec: async (args: unknown) => (calls.push({ method: 'setViewSpec', args }), { rowCount: 10 }),
    setViewport: async (args: { first: number; last: number }) => (calls.push({ method: 'setViewport', args }), data(args.first, args.last - args.first, 1)),
    closeView: async (args: unknown) => void calls.push({ method: 'closeView', args }),
    onViewportData: (_args: unknown, listener: (d: ViewportDataDto) => void) => {
      push = listener
      return () => (push = null)
    }
  }
  const frames: (() => void)[] = []
  const frameApi = { request: (cb: () => void) => frames.push(cb), cancel: () => undefined }
  const tick = () => frames.splice(0).forEach((cb) => cb())
  const active = shallowRef(true)
  const session = new TableSession({ tableId: 't1', topic: 'x', columns, sources: { key: 'ignore', value: 'ignore' } }, { properties: {}, topic: 'x', keySpec: { kind: 'ignore' }, valueSpec: { kind: 'ignore' }, tableType: { kind: 'append' } }, {
    tables: { closeTable: async () => undefined },
    views
  } as never)
  const scope = effectScope()
  const viewport = scope.run(() =>
    useTableViewport(session, { active, api: { views } as never, frames: (cb) => createFrameScheduler(cb, frameApi) })
  )!
  return { calls, viewport, tick, active, scope, session, push: (d: ViewportDataDto) => push?.(d) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('useTableViewport', () => {
  it('opens the view and asks for the visible rows, then for them padded by a page', async () => {
    const h = harness()
    h.viewport.showRows({ first: 100, last: 130 })
    await settle()
    expect(h.calls.map((c) => c.method)).toEqual(['openView', 'setViewport', 'setViewport'])
    expect(h.calls[1].args).toEqual({ viewId: 'v1', first: 100, last: 130 })
    expect(h.calls[2].args).toEqual({ viewId: 'v1', first: 70, last: 160 })
    expect(h.session.viewId).toBe('v1')
    h.tick()
    expect(h.viewport.rowCount.value).toBe(1000)
    expect(h.viewport.model.cell(100, 0)).toBe('100')
  })

  it('repaints once per frame however many pushes arrive', async () => {
    const h = harness()
    h.viewport.showRows({ first: 0, last: 30 })
    await settle()
    h.tick()
    const before = h.viewport.version.value
    for (let v = 2; v < 12; v++) h.push(data(0, 60, v, 1000 + v))
    expect(h.viewport.version.value).toBe(before)
    h.tick()
    expect(h.viewport.version.value).toBe(before + 1)
    expect(h.viewport.rowCount.value).toBe(1011)
  })

  it('ignores data older than what it shows', async () => {
    const h = harness()
    h.viewport.showRows({ first: 0, last: 30 })
    await settle()
    h.push(data(0, 60, 5))
    h.push(data(500, 60, 4))
    h.tick()
    expect(h.viewport.model.cell(0, 0)).toBe('0')
    expect(h.viewport.model.cell(500, 0)).toBe(LOADING)
  })

  it('holds the repaint of a hidden tab until it shows', async () => {
    const h = harness()
    h.viewport.showRows({ first: 0, last: 30 })
    await settle()
    h.tick()
    h.active.value = false
    const before = h.viewport.version.value
    h.push(data(0, 60, 7))
    h.tick()
    expect(h.viewport.version.value).toBe(before)
    h.active.value = true
    await nextTick()
    h.tick()
    expect(h.viewport.version.value).toBe(before + 1)
  })

  it('sends a new spec, then asks for its rows again', async () => {
    const h = harness()
    h.viewport.showRows({ first: 0, last: 30 })
    await settle()
    await h.viewport.setSpec({ sort: [{ column: 'KafkaOffset', direction: 'desc' }], filters: [] })
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(h.calls.map((c) => c.method)).toEqual(['openView', 'setViewport', 'setViewport', 'setViewSpec', 'setViewport'])
  })

  it('closes its view when the grid goes away', async () => {
    const h = harness()
    await settle()
    h.scope.stop()
    await settle()
    expect(h.calls.at(-1)).toEqual({ method: 'closeView', args: { viewId: 'v1' } })
    expect(h.session.viewId).toBeNull()
  })
})
