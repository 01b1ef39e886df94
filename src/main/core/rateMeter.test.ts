import { describe, expect, it } from 'vitest'
import { RateMeter } from './rateMeter'

describe('RateMeter', () => {
  it('measures rows and bytes per second over a sliding window', () => {
    const m = new RateMeter()
    m.sample(0, 0, 1000)
    expect(m.rowsPerSecond).toBe(0)
    m.sample(500, 5000, 2000)
    expect(m.rowsPerSecond).toBe(500)
    expect(m.bytesPerSecond).toBe(5000)
    for (let t = 2000; t <= 10000; t += 500) m.sample(500, 5000, t)
    expect(m.rowsPerSecond).toBe(0)
  })

  it('does not extrapolate a burst right after the start into a huge rate', () => {
    const m = new RateMeter()
    m.sample(0, 0, 1000)
    m.sample(2, 200, 1003)
    expect(m.rowsPerSecond).toBe(2)
    expect(m.bytesPerSecond).toBe(200)
  })
})
