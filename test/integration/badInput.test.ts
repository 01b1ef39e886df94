import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, ClusterError, consume, KafkaConfigError, KeyValueSpec, OptionsError, simpleSpec, TableType } from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { int32 } from './lib/bytes'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())


async function topicWithBadRecord() {
  const topic = await createTopic(uniqueTopic('bad'), 1)
  await produce(topic, [{ value: int32(1) }, { value: int32(2) }, { value: Buffer.from([1, 2, 3]) }, { value: int32(4) }])
  return topic
}

const options = (onError: 'skip' | 'fail') => ({
  offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
  keySpec: KeyValueSpec.IGNORE,
  valueSpec: simpleSpec('N', 'int32'),
  tableType: TableType.append(),
  onError
})

describe('bad input', () => {
  it("onError 'skip' (the default) skips a bad record, lists it with partition and offset, and goes on", async () => {
    const topic = await topicWithBadRecord()
    const t = tables.track(await consume(plaintextConfig(), topic, { ...options('skip'), onError: undefined }))
    await waitForSize(t, 3)
    expect(t.rows().map((r) => [r.KafkaOffset, r.N])).toEqual([
      [0n, 1],
      [1n, 2],
      [3n, 4]
    ])
    expect(t.errors).toHaveLength(1)
    expect(t.errors[0]).toMatchObject({ topic, partition: 0, offset: '2', field: 'N', reason: 'value: expected 4 bytes for int32, got 3' })
    expect(t.stats.errorCount).toBe(1)
    expect(t.state).toBe('running')
  })

  it("onError 'fail' stops the table at the bad record and keeps the rows already read", async () => {
    const topic = await topicWithBadRecord()
    const t = tables.track(await consume(plaintextConfig(), topic, options('fail')))
    const failures: Error[] = []
    t.onFailure((e) => failures.push(e))
    await waitFor(() => t.state === 'failed', 'the table to fail')
    expect(t.failure?.message).toBe(`Topic '${topic}' partition 0 offset 2: value: expected 4 bytes for int32, got 3`)
    expect(failures).toEqual([t.failure])
    expect(t.rows().map((r) => r.N)).toEqual([1, 2])
    await produce(topic, [{ value: int32(5) }])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(t.size).toBe(2)
  })

  it('an unknown topic is an error naming the topic, and it is not created', async () => {
    const topic = uniqueTopic('missing')
    const error = await consume(plaintextConfig(), topic, options('skip')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterError)
    expect((error as ClusterError).code).toBe('UNKNOWN_TOPIC')
    expect((error as Error).message).toBe(`Topic '${topic}' does not exist on the cluster at ${plaintextConfig()['bootstrap.servers']}`)
    const again = await consume(plaintextConfig(), topic, options('skip')).catch((e: unknown) => e)
    expect((again as ClusterError).code).toBe('UNKNOWN_TOPIC')
  })

  it('an unreachable broker fails within the configured timeout, naming the servers tried', async () => {
    const started = Date.now()
    const error = await consume({ 'bootstrap.servers': '127.0.0.1:1', 'default.api.timeout.ms': '3000' }, 'any', options('skip')).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(error).toBeInstanceOf(ClusterError)
    expect((error as ClusterError).code).toBe('BROKER_UNREACHABLE')
    expect((error as Error).message).toContain('127.0.0.1:1')
  })

  it('a wrong config key is an error listing it, with the likely intended key', async () => {
    const error = await consume({ 'bootstrap.server': '127.0.0.1:9092', 'fetch.max.wait': '10' }, 'any', options('skip')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KafkaConfigError)
    expect((error as Error).message).toContain('bootstrap.server')
    expect((error as Error).message).toContain('bootstrap.servers')
    expect((error as Error).message).toContain('fetch.max.wait')
  })

  it('wrong options are named', async () => {
    await expect(consume(plaintextConfig(), 'x', { ...options('skip'), tableType: { kind: 'ring', capacity: 0 } })).rejects.toThrow(RangeError)
    await expect(consume(plaintextConfig(), 'x', { ...options('skip'), partitions: [] })).rejects.toThrow(OptionsError)
    await expect(consume(plaintextConfig(), 'x', { ...options('skip'), offsets: { 0: -7 } })).rejects.toThrow(/offsets\[0\]: -7/)
    await expect(consume(plaintextConfig(), 'x', { ...options('skip'), partition: [0] } as never)).rejects.toThrow(/unknown option partition/)
  })
})
