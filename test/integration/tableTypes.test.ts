import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, simpleSpec, TableType, type TableUpdate } from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const open = async (topic: string, tableType: TableType, updateIntervalMs = 50) =>
  tables.track(
    await consume(plaintextConfig(), topic, {
      offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
      keySpec: KeyValueSpec.IGNORE,
      valueSpec: simpleSpec('V', 'string'),
      tableType,
      updateIntervalMs
    })
  )

const batch = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ value: `r${from + i}` }))

describe('table types', () => {
  it('append keeps every row, in arrival order, and only adds', async () => {
    const topic = await createTopic(uniqueTopic('append'), 1)
    const t = await open(topic, TableType.append())
    const updates: TableUpdate[] = []
    t.onUpdate((u) => updates.push(u))
    await produce(topic, batch(0, 5))
    await waitForSize(t, 5)
    await produce(topic, batch(5, 5))
    await waitForSize(t, 10)
    expect(t.rows().map((r) => r.V)).toEqual(batch(0, 10).map((m) => m.value))
    expect(updates.every((u) => u.removed === 0)).toBe(true)
    expect(updates.reduce((n, u) => n + u.added, 0)).toBe(10)
  })

  it('ring(N) holds the newest N rows in arrival order and evicts the oldest first', async () => {
    const topic = await createTopic(uniqueTopic('ring'), 1)
    await produce(topic, batch(0, 3))
    const t = await open(topic, TableType.ring(4))
    const updates: TableUpdate[] = []
    t.onUpdate((u) => updates.push(u))
    await waitForSize(t, 3)
    await produce(topic, batch(3, 3))
    await waitFor(() => t.rows().at(-1)?.V === 'r5', 'the last row r5')
    expect(t.rows().map((r) => r.V)).toEqual(['r2', 'r3', 'r4', 'r5'])
    expect(t.size).toBe(4)
    const last = updates.at(-1)!
    expect(last.firstRowKey).toBe(2)
    expect(updates.reduce((n, u) => n + u.removed, 0)).toBe(2)

    await produce(topic, batch(6, 10))
    await waitFor(() => t.rows().at(-1)?.V === 'r15', 'the last row r15')
    expect(t.rows().map((r) => r.V)).toEqual(['r12', 'r13', 'r14', 'r15'])
  })

  it('blink holds only the rows of the latest cycle, replacing them each cycle (the default type)', async () => {
    const topic = await createTopic(uniqueTopic('blink'), 1)
    const t = tables.track(await consume(plaintextConfig(), topic, { keySpec: KeyValueSpec.IGNORE, valueSpec: simpleSpec('V', 'string'), updateIntervalMs: 50 }))
    const updates: TableUpdate[] = []
    const seen: string[][] = []
    t.onUpdate((u) => {
      updates.push(u)
      seen.push(t.rows().map((r) => r.V as string))
    })
    await waitFor(() => t.stats.partitions[0]?.highWatermark !== '' && t.stats.partitions[0]?.highWatermark !== undefined, 'the first fetch')
    await produce(topic, batch(0, 3))
    await waitFor(() => seen.some((rows) => rows.includes('r2')), 'the first cycle')
    await produce(topic, batch(3, 2))
    await waitFor(() => seen.some((rows) => rows.includes('r4')), 'the second cycle')
    await waitFor(() => t.size === 0, 'the blink table to empty')
    const first = seen.find((rows) => rows.includes('r2'))!
    const second = seen.find((rows) => rows.includes('r4'))!
    expect(first).toEqual(['r0', 'r1', 'r2'])
    expect(second).toEqual(['r3', 'r4'])
    const emptying = updates.at(-1)!
    expect(emptying).toMatchObject({ added: 0, removed: 2, size: 0 })
    const count = updates.length
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(updates.length).toBe(count)
  })

  it('a record reaching a quiet table shows at once, not at the next update tick', async () => {
    const topic = await createTopic(uniqueTopic('quiet'), 1)
    const t = await open(topic, TableType.append(), 5_000)
    await new Promise((r) => setTimeout(r, 1_000)) // the table is quiet: its ticks change nothing
    const updates: TableUpdate[] = []
    t.onUpdate((u) => updates.push(u))
    const sentAt = Date.now()
    await produce(topic, batch(0, 1))
    await waitForSize(t, 1)
    expect(Date.now() - sentAt).toBeLessThan(2_500)
    await produce(topic, batch(1, 1))
    await new Promise((r) => setTimeout(r, 500))
    expect(t.size).toBe(1) // a second record within the interval waits for the tick: at most one update per interval
    expect(updates).toHaveLength(1)
    await waitForSize(t, 2, 10_000)
  }, 20_000)
})
