import { describe, expect, it } from 'vitest'
import { RateMeter } from './rateMeter'

describe('RateMeter', () => {
  it('measures rows and bytes per second over a sliding window', () => {
    const m = new RateMeter()
    m.sample(0, 0, 1000)
    expect(m.rowsPerSecond).toBe(0)
    m.sample(500, 5000, 1500)
    expect(m.rowsPerSecond).toBe(1000)
    expect(m.bytesPerSecond).toBe(10000)
    for (let t = 2000; t <= 10000; t += 500) m.sample(500, 5000, t)
    expect(m.rowsPerSecond).toBe(0)
  })
})
