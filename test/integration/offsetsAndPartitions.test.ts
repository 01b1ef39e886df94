import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  ALL_PARTITIONS_DONT_SEEK,
  ALL_PARTITIONS_SEEK_TO_BEGINNING,
  ALL_PARTITIONS_SEEK_TO_END,
  consume,
  DONT_SEEK,
  SEEK_TO_BEGINNING,
  SEEK_TO_END,
  simpleSpec,
  TableType,
  type ConsumeOptions,
  type Table
} from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic, withAdmin } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

let topic: string
const PER_PARTITION = 10

beforeAll(async () => {
  topic = await createTopic(uniqueTopic('offsets'), 3)
  const messages = [0, 1, 2].flatMap((partition) =>
    Array.from({ length: PER_PARTITION }, (_, i) => ({ partition, key: `p${partition}`, value: `${partition}:${i}` }))
  )
  await produce(topic, messages)
})

const specs: ConsumeOptions = { keySpec: simpleSpec('K', 'string'), valueSpec: simpleSpec('V', 'string'), tableType: TableType.append() }

async function open(options: ConsumeOptions, config: Record<string, string> = {}): Promise<Table> {
  return tables.track(await consume({ ...plaintextConfig(), ...config }, topic, { ...specs, ...options }))
}

const values = (t: Table) =>
  t
    .rows()
    .map((r) => r.V as string)
    .sort()

async function settle(t: Table): Promise<void> {
  await waitFor(() => t.stats.partitions.every((p) => p.lag === 0 && p.highWatermark !== ''), 'the table to catch up')
  await new Promise((resolve) => setTimeout(resolve, 250))
}

describe('offsets and partitions', () => {
  it('ALL_PARTITIONS_SEEK_TO_BEGINNING reads every record, in offset order within each partition', async () => {
    const t = await open({ offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING })
    await waitForSize(t, 3 * PER_PARTITION)
    for (const partition of [0, 1, 2]) {
      const rows = t.rows().filter((r) => r.KafkaPartition === partition)
      expect(rows.map((r) => r.KafkaOffset)).toEqual(Array.from({ length: PER_PARTITION }, (_, i) => BigInt(i)))
      expect(rows.map((r) => r.V)).toEqual(Array.from({ length: PER_PARTITION }, (_, i) => `${partition}:${i}`))
    }
  })

  it('ALL_PARTITIONS_SEEK_TO_END and the default DONT_SEEK (auto.offset.reset=latest) read only new records', async () => {
    const other = await createTopic(uniqueTopic('at-end'), 2)
    await produce(other, [{ partition: 0, value: 'old' }, { partition: 1, value: 'old' }])
    const openOther = async (options: ConsumeOptions) => tables.track(await consume(plaintextConfig(), other, { ...specs, ...options }))
    const atEnd = await openOther({ offsets: ALL_PARTITIONS_SEEK_TO_END })
    const byDefault = await openOther({})
    const dontSeek = await openOther({ offsets: ALL_PARTITIONS_DONT_SEEK })
    await Promise.all([atEnd, byDefault, dontSeek].map(settle))
    await produce(other, [{ partition: 1, key: 'new', value: 'new' }])
    for (const t of [atEnd, byDefault, dontSeek]) {
      await waitForSize(t, 1)
      expect(values(t)).toEqual(['new'])
    }
  })

  it('DONT_SEEK follows auto.offset.reset=earliest', async () => {
    const t = await open({ offsets: ALL_PARTITIONS_DONT_SEEK }, { 'auto.offset.reset': 'earliest' })
    await waitForSize(t, 3 * PER_PARTITION)
  })

  it('a per-partition map mixes offsets and constants; partitions missing from the map do not seek', async () => {
    const t = await open({ offsets: { 0: 7, 1: SEEK_TO_BEGINNING, 2: SEEK_TO_END } })
    await waitForSize(t, 3 + PER_PARTITION)
    await settle(t)
    expect(values(t)).toEqual([...['0:7', '0:8', '0:9'], ...Array.from({ length: PER_PARTITION }, (_, i) => `1:${i}`)].sort())

    const partial = await open({ offsets: { 2: 8 } }, { 'auto.offset.reset': 'latest' })
    await waitForSize(partial, 2)
    await settle(partial)
    expect(values(partial)).toEqual(['2:8', '2:9'])

    const dontSeek = await open({ offsets: { 0: DONT_SEEK, 1: 9 } }, { 'auto.offset.reset': 'earliest' })
    await waitForSize(dontSeek, 2 * PER_PARTITION + 1)
  })

  it('reads only the chosen partitions', async () => {
    const t = await open({ partitions: [0, 2], offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING })
    await waitForSize(t, 2 * PER_PARTITION)
    await settle(t)
    expect(new Set(t.rows().map((r) => r.KafkaPartition))).toEqual(new Set([0, 2]))
    expect(t.stats.partitions.map((p) => p.partition)).toEqual([0, 2])
  })

  it('names partitions that do not exist', async () => {
    await expect(open({ partitions: [1, 7] })).rejects.toThrow(`Topic '${topic}' has no partition 7 (it has 3 partitions: 0..2)`)
  })

  it('an offset past the end follows auto.offset.reset, as Kafka does', async () => {
    const t = await open({ offsets: { 0: 1000 }, partitions: [0] }, { 'auto.offset.reset': 'earliest' })
    await waitForSize(t, PER_PARTITION)
  })

  it('DONT_SEEK starts at the committed offset of group.id without joining the group', async () => {
    const groupId = `${topic}-analysts`
    await withAdmin((admin) =>
      admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: String(PER_PARTITION - 2) })) })
    )
    const t = await open({}, { 'group.id': groupId, 'auto.offset.reset': 'earliest' })
    await waitForSize(t, 6)
    await settle(t)
    expect(values(t)).toEqual(['0:8', '0:9', '1:8', '1:9', '2:8', '2:9'])
    const [description] = (await withAdmin((admin) => admin.describeGroups([groupId]))).groups
    expect(description.members).toEqual([])
    const [offsets] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }))
    expect(offsets.partitions.map((p) => p.offset)).toEqual(['8', '8', '8'])
  })

  it('picks up partitions added to the topic while it runs', async () => {
    const growing = await createTopic(uniqueTopic('growing'), 1)
    const t = tables.track(
      await consume({ ...plaintextConfig(), 'metadata.max.age.ms': '500' }, growing, { ...specs, offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING })
    )
    await produce(growing, [{ partition: 0, value: 'first' }])
    await waitForSize(t, 1)
    await withAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic: growing, count: 3 }] }))
    await produce(growing, [{ partition: 2, value: 'in-new-partition' }])
    await waitFor(() => t.rows().some((r) => r.V === 'in-new-partition'), 'a row from the new partition')
    expect(t.stats.partitions.map((p) => p.partition)).toEqual([0, 1, 2])
  })
})
