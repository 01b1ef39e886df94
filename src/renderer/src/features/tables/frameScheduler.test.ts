import { describe, expect, it } from 'vitest'
import { createFrameScheduler, type FrameApi } from './frameScheduler'

function fakeFrames() {
  const queue = new Map<number, () => void>()
  let next = 1
  const frames: FrameApi = {
    request: (callback) => {
      queue.set(next, callback)
      return next++
    },
    cancel: (handle) => void queue.delete(handle)
  }
  const tick = () => {
    const callbacks = [...queue.values()]
    queue.clear()
    callbacks.forEach((c) => c())
  }
  return { frames, tick, queued: () => queue.size }
}

describe('createFrameScheduler', () => {
  it('runs once per frame however often it is asked', () => {
    const { frames, tick, queued } = fakeFrames()
    let runs = 0
    const scheduler = createFrameScheduler(() => runs++, frames)
    for (let i = 0; i < 100; i++) scheduler.schedule()
    expect(queued()).toBe(1)
    expect(scheduler.pending).toBe(true)
    tick()
    expect(runs).toBe(1)
    expect(scheduler.pending).toBe(false)
    scheduler.schedule()
    tick()
    expect(runs).toBe(2)
  })

  it('can be cancelled', () => {
    const { frames, tick } = fakeFrames()
    let runs = 0
    const scheduler = createFrameScheduler(() => runs++, frames)
    scheduler.schedule()
    scheduler.cancel()
    tick()
    expect(runs).toBe(0)
  })

  it('flush runs at once and drops the scheduled run', () => {
    const { frames, tick, queued } = fakeFrames()
    let runs = 0
    const scheduler = createFrameScheduler(() => runs++, frames)
    scheduler.schedule()
    scheduler.flush()
    expect(runs).toBe(1)
    expect(queued()).toBe(0)
    tick()
    expect(runs).toBe(1)
  })
})
