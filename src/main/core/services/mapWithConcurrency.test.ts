import { describe, expect, it } from 'vitest'
import { mapWithConcurrency } from './mapWithConcurrency'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('mapWithConcurrency', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++
      peak = Math.max(peak, running)
      await tick(n)
      running--
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(peak).toBe(3)
  })

  it('handles an empty list', async () => {
    expect(await mapWithConcurrency([], 8, async () => 1)).toEqual([])
  })

  it('rejects with the first failure and starts no new calls after it', async () => {
    const started: number[] = []
    const run = mapWithConcurrency([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n)
      if (n === 2) throw new Error('boom at 2')
      return n
    })
    await expect(run).rejects.toThrow('boom at 2')
    expect(started).toEqual([1, 2])
  })

  it('refuses a limit below 1', async () => {
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError)
  })
})
