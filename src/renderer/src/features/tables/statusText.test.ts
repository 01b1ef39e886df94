import { describe, expect, it } from 'vitest'
import { formatByteRate, formatCount, formatRate, lagByPartition, totalLag } from './statusText'

describe('status text', () => {
  it('groups counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(0)).toBe('0')
    for (const n of [7, 42, 999, 1000, 12_345, 100_000, 9_999_999, 10_000_000, 2 ** 53 - 1, -1234, 1234.6]) expect(formatCount(n), String(n)).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n))
  })

  it('shortens rates', () => {
    expect(formatRate(0)).toBe('0')
    expect(formatRate(2.345)).toBe('2.3')
    expect(formatRate(950.4)).toBe('950')
    expect(formatRate(12_345)).toBe('12.3k')
    expect(formatRate(250_000)).toBe('250k')
    expect(formatRate(1_200_000)).toBe('1.2M')
    expect(formatByteRate(512)).toBe('512 B')
    expect(formatByteRate(4.5 * 1024 * 1024)).toBe('4.5 MB')
  })

  it('sums and lists lag per partition', () => {
    const partitions = [
      { partition: 1, lag: 12 },
      { partition: 0, lag: 0 },
      { partition: 2, lag: -1 }
    ]
    expect(totalLag(partitions)).toBe(12)
    expect(lagByPartition(partitions)).toBe('p0 0 · p1 12 · p2 0')
    expect(lagByPartition(partitions, 1)).toBe('p0 0 · +2 more')
  })
})
