import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, simpleSpec, TableType } from '../../src/main/core'
import { createTopic, listGroups, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'
import { makeTempDir } from '../support/tempDirs'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const options = { offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING, keySpec: KeyValueSpec.IGNORE, valueSpec: simpleSpec('V', 'string'), tableType: TableType.append() }

describe('lifecycle', () => {
  it('close() stops consuming and leaves no consumer group behind (none is ever created)', async () => {
    const topic = await createTopic(uniqueTopic('close'), 2)
    await produce(topic, [{ value: 'a' }, { value: 'b' }])
    const groupsBefore = new Set((await listGroups()).map((g) => g.groupId))
    const t = await consume({ ...plaintextConfig(), 'group.id': `${topic}-users-group` }, topic, options)
    await waitForSize(t, 2)
    const during = (await listGroups()).filter((g) => !groupsBefore.has(g.groupId))
    expect(during).toEqual([])
    await t.close()
    expect(t.state).toBe('closed')
    await produce(topic, [{ value: 'c' }])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(t.size).toBe(2)
    expect((await listGroups()).filter((g) => !groupsBefore.has(g.groupId))).toEqual([])
  })

  it('pause() stops reading and resume() goes on where it stopped', async () => {
    const topic = await createTopic(uniqueTopic('pause'), 1)
    const t = tables.track(await consume(plaintextConfig(), topic, options))
    await produce(topic, [{ value: 'a' }])
    await waitForSize(t, 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    t.pause()
    expect(t.state).toBe('paused')
    // the fetch in flight when pausing must not bring rows in either
    await produce(topic, [{ value: 'b' }])
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(t.size).toBe(1)
    t.resume()
    await waitForSize(t, 2)
    expect(t.rows().map((r) => r.V)).toEqual(['a', 'b'])
  })

  it('reports rows per second, bytes per second and lag per partition', async () => {
    const topic = await createTopic(uniqueTopic('stats'), 2)
    await produce(topic, Array.from({ length: 200 }, (_, i) => ({ partition: i % 2, value: 'x'.repeat(10) })))
    const t = tables.track(await consume(plaintextConfig(), topic, options))
    await waitForSize(t, 200)
    await waitFor(() => t.stats.rowsPerSecond > 0, 'a rate')
    const stats = t.stats
    expect(stats.totalRows).toBe(200)
    expect(stats.totalBytes).toBe(2000)
    expect(stats.partitions).toEqual([
      { partition: 0, position: '100', highWatermark: '100', lag: 0 },
      { partition: 1, position: '100', highWatermark: '100', lag: 0 }
    ])
  })

  it('runs unchanged inside a worker_thread', async () => {
    const topic = await createTopic(uniqueTopic('worker'), 1)
    await produce(topic, [{ value: 'from-worker' }])
    // bundled the way the app ships the engine
    const bundle = join(makeTempDir('tt-worker-'), 'consumeInWorker.cjs')
    await build({ entryPoints: [fileURLToPath(new URL('./lib/consumeInWorker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' })
    const worker = new Worker(bundle, { workerData: { config: plaintextConfig(), topic } })
    const result = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(result).toEqual({ size: 1, value: 'from-worker', isMainThread: false })
  })
})
