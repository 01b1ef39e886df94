import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, simpleSpec, TableType } from '../../src/main/core'
import { objectProcessorSpec } from '../../src/main/core/api/objectProcessorSpec'
import { jsonObject } from '../../src/main/core/specs/objectProcessor/jsonObject'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

const { long, double, string, instant, object, array } = jsonObject

describe('objectProcessorSpec against the broker', () => {
  it('decodes JSON values with the jsonObject provider; strict violations skip the record', async () => {
    const topic = await createTopic(uniqueTopic('objproc'), 1)
    await produce(topic, [
      { key: 'a', value: JSON.stringify({ sym: 'AAPL', px: 189.5, qty: 12, ts: 1_700_000_000_123, point: { lat: 1.5 }, tags: ['x', 'y'] }) },
      { key: 'b', value: JSON.stringify({ sym: 'MSFT', px: 1, qty: '12', ts: 1, point: { lat: 0 }, tags: [] }) },
      { key: 'c', value: JSON.stringify({ sym: 'GOOG', px: 2, qty: 3, ts: 1_700_000_000_000, point: null }) }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: simpleSpec('Key', 'string'),
        valueSpec: objectProcessorSpec(
          jsonObject({
            sym: string(),
            px: double(),
            qty: long(),
            ts: instant({ numberFormat: 'ms' }),
            point: object({ lat: double() }, { allowNull: true }),
            tags: array(string(), { allowMissing: true })
          })
        ),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 2)
    await waitFor(() => t.errors.length === 1, 'one record error')
    const rows = t.rows().map(({ Key, sym, px, qty, ts, point_lat, tags }) => ({ Key, sym, px, qty, ts, point_lat, tags }))
    expect(rows).toEqual([
      { Key: 'a', sym: 'AAPL', px: 189.5, qty: 12n, ts: 1_700_000_000_123_000_000n, point_lat: 1.5, tags: ['x', 'y'] },
      { Key: 'c', sym: 'GOOG', px: 2, qty: 3n, ts: 1_700_000_000_000_000_000n, point_lat: null, tags: null }
    ])
    expect(t.errors[0]).toMatchObject({ topic, partition: 0, offset: '1', kind: 'record' })
    expect(t.errors[0].reason).toContain("field 'qty'")
  })
})
