import { describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_DONT_SEEK, ALL_PARTITIONS_SEEK_TO_BEGINNING, ALL_PARTITIONS_SEEK_TO_END, DONT_SEEK, SEEK_TO_BEGINNING, SEEK_TO_END } from '../api/seek'
import { OffsetsError, parseOffsets, resolveStartOffsets, type OffsetLookups } from './startOffsets'

const earliest = new Map([[0, 5], [1, 10], [2, 0]])
const latest = new Map([[0, 50], [1, 100], [2, 7]])

function lookups(overrides: Partial<OffsetLookups> = {}): OffsetLookups {
  return {
    autoOffsetReset: 'latest',
    committed: async () => new Map([[1, 42]]),
    earliest: async (ps) => new Map(ps.map((p) => [p, earliest.get(p)!])),
    latest: async (ps) => new Map(ps.map((p) => [p, latest.get(p)!])),
    ...overrides
  }
}

const resolve = (offsets: Parameters<typeof parseOffsets>[0], l = lookups()) => resolveStartOffsets('t', [0, 1, 2], parseOffsets(offsets), l)

describe('start offsets', () => {
  it('applies the all-partitions constants', async () => {
    expect([...(await resolve(ALL_PARTITIONS_SEEK_TO_BEGINNING))]).toEqual([[0, 5], [1, 10], [2, 0]])
    expect([...(await resolve(ALL_PARTITIONS_SEEK_TO_END))]).toEqual([[0, 50], [1, 100], [2, 7]])
    expect([...(await resolve(ALL_PARTITIONS_DONT_SEEK))].sort()).toEqual([[0, 50], [1, 100], [2, 7]])
  })

  it('mixes offsets and constants per partition; missing partitions do not seek', async () => {
    const r = await resolve({ 0: 7, 1: SEEK_TO_END, 2: '3' })
    expect(r.get(0)).toBe(7)
    expect(r.get(1)).toBe(100)
    expect(r.get(2)).toBe(3)
    const partial = await resolve({ 0: SEEK_TO_BEGINNING }, lookups({ autoOffsetReset: 'earliest' }))
    expect(partial.get(0)).toBe(5)
    expect(partial.get(1)).toBe(10)
  })

  it('starts DONT_SEEK partitions at the group committed offset, else auto.offset.reset', async () => {
    const r = await resolve({ [-1]: DONT_SEEK }, lookups({ groupId: 'g', autoOffsetReset: 'earliest' }))
    expect(r.get(1)).toBe(42)
    expect(r.get(0)).toBe(5)
  })

  it('does not ask for committed offsets without a group', async () => {
    let asked = false
    await resolve(undefined, lookups({ committed: async () => ((asked = true), new Map()) }))
    expect(asked).toBe(false)
  })

  it('fails for auto.offset.reset=none without a committed offset, naming topic and partition', async () => {
    await expect(resolve(undefined, lookups({ groupId: 'g', autoOffsetReset: 'none' }))).rejects.toThrow(/Topic 't' partition 0: no committed offset for group 'g'/)
  })

  it('rejects values that are neither offsets nor constants', () => {
    expect(() => parseOffsets({ 0: -4 })).toThrow(OffsetsError)
    expect(() => parseOffsets({ 0: 'abc' })).toThrow(/offsets\[0\]/)
    expect(() => parseOffsets({ 0: 1.5 })).toThrow(OffsetsError)
    expect(() => parseOffsets([] as never)).toThrow(OffsetsError)
    expect(parseOffsets({ 0: 10n })(0)).toEqual({ kind: 'offset', offset: 10 })
  })
})
