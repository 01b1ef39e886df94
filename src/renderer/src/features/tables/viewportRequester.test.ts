import { describe, expect, it } from 'vitest'
import { MAX_VIEWPORT_ROWS, ViewportRequester, covers, paddedWindow, tailWindow, type RowRange, type Timers } from './viewportRequester'

describe('paddedWindow', () => {
  it('adds one page above and below', () => {
    expect(paddedWindow({ first: 100, last: 120 })).toEqual({ first: 80, last: 140 })
  })

  it('does not go above row 0', () => {
    expect(paddedWindow({ first: 5, last: 25 })).toEqual({ first: 0, last: 45 })
  })

  it('stays within the contract limit', () => {
    const w = paddedWindow({ first: 10_000, last: 11_500 })
    expect(w.last - w.first).toBeLessThanOrEqual(MAX_VIEWPORT_ROWS)
    expect(covers(w, { first: 10_000, last: 11_500 })).toBe(true)
    expect(paddedWindow({ first: 0, last: 5000 })).toEqual({ first: 0, last: 2000 })
  })
})

function fakeTimers() {
  let now = 0
  const pending: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = nextId++
      pending.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      const i = pending.findIndex((p) => p.id === id)
      if (i >= 0) pending.splice(i, 1)
    },
    now: () => now
  }
  async function advance(ms: number) {
    now += ms
    for (;;) {
      const due = pending.filter((p) => p.at <= now).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      pending.splice(pending.indexOf(due), 1)
      due.fn()
      await flush()
    }
    await flush()
  }
  return { timers, advance }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function harness() {
  const { timers, advance } = fakeTimers()
  const sent: RowRange[] = []
  const answers: (() => void)[] = []
  const requester = new ViewportRequester({
    timers,
    minIntervalMs: 50,
    send: (w) => {
      sent.push(w)
      return new Promise<void>((resolve) => answers.push(resolve))
    }
  })
  const answer = async () => {
    answers.shift()?.()
    await flush()
  }
  return { requester, sent, answer, advance }
}

describe('tailWindow', () => {
  it('anchors the visible rows plus a page above at the end', () => {
    expect(tailWindow({ first: 980, last: 1000, anchor: 'end' })).toEqual({ first: 960, last: 1000, anchor: 'end' })
    expect(tailWindow({ first: 0, last: 10, anchor: 'end' })).toEqual({ first: 0, last: 10, anchor: 'end' })
  })
})

describe('ViewportRequester', () => {
  it('asks once for a tail window and lets the pushes follow the tail as the view grows', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 980, last: 1000, anchor: 'end' })
    expect(sent).toEqual([{ first: 960, last: 1000, anchor: 'end' }])
    await answer()
    await advance(100)
    requester.request({ first: 1980, last: 2000, anchor: 'end' })
    requester.request({ first: 5980, last: 6000, anchor: 'end' })
    expect(sent).toHaveLength(1)
    requester.request({ first: 100, last: 120 })
    expect(sent.at(-1)).toEqual({ first: 100, last: 120 })
  })

  it('asks for the visible rows first, then the padded window, and not again while it covers what is visible', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 100, last: 120 })
    expect(sent).toEqual([{ first: 100, last: 120 }])
    await answer()
    await advance(50)
    expect(sent).toEqual([
      { first: 100, last: 120 },
      { first: 80, last: 140 }
    ])
    await answer()
    requester.request({ first: 110, last: 130 })
    requester.request({ first: 80, last: 100 })
    await advance(100)
    expect(sent).toHaveLength(2)
  })

  it('a scroll past the padding that still overlaps the last window asks for the padded window at once', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 100, last: 120 })
    await answer()
    await advance(50)
    await answer()
    requester.request({ first: 130, last: 150 })
    await advance(50)
    expect(sent.at(-1)).toEqual({ first: 110, last: 170 })
  })

  it('a jump far from the last window asks for its visible rows alone first', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 100, last: 120 })
    await answer()
    await advance(50)
    await answer()
    requester.request({ first: 90_000, last: 90_020 })
    await advance(50)
    expect(sent.at(-1)).toEqual({ first: 90_000, last: 90_020 })
    await answer()
    await advance(50)
    expect(sent.at(-1)).toEqual({ first: 89_980, last: 90_040 })
  })

  it('keeps one request in flight and sends only the latest wish after it', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 0, last: 20 })
    requester.request({ first: 500, last: 520 })
    requester.request({ first: 900, last: 920 })
    expect(sent).toHaveLength(1)
    await advance(100)
    expect(sent).toHaveLength(1)
    await answer()
    await advance(50)
    expect(sent).toEqual([
      { first: 0, last: 20 },
      { first: 900, last: 920 }
    ])
    await answer()
    await advance(50)
    expect(sent.at(-1)).toEqual({ first: 880, last: 940 })
  })

  it('waits the minimum interval between requests', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 0, last: 20 })
    await answer()
    await advance(50)
    await answer()
    requester.request({ first: 1000, last: 1020 })
    expect(sent).toHaveLength(2)
    await advance(49)
    expect(sent).toHaveLength(2)
    await advance(1)
    expect(sent).toHaveLength(3)
  })

  it('refresh() asks again for the same window', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 0, last: 20 })
    await answer()
    await advance(50)
    await answer()
    requester.refresh()
    await advance(50)
    expect(sent.slice(1)).toEqual([
      { first: 0, last: 40 },
      { first: 0, last: 40 }
    ])
  })

  it('reports failures and keeps going', async () => {
    const { timers, advance } = fakeTimers()
    const errors: unknown[] = []
    let calls = 0
    const requester = new ViewportRequester({
      timers,
      send: () => (++calls === 1 ? Promise.reject(new Error('gone')) : Promise.resolve()),
      onError: (e) => errors.push(e)
    })
    requester.request({ first: 0, last: 20 })
    await flush()
    expect(errors).toHaveLength(1)
    const before = calls
    requester.request({ first: 5000, last: 5020 })
    await advance(50)
    expect(calls).toBeGreaterThan(before)
  })

  it('sends nothing after dispose', async () => {
    const { requester, sent, answer, advance } = harness()
    requester.request({ first: 0, last: 20 })
    await answer()
    requester.request({ first: 1000, last: 1020 })
    requester.dispose()
    await advance(100)
    expect(sent).toHaveLength(1)
  })
})
