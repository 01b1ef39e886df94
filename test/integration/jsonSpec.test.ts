import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, jsonSpec, KeyValueSpec, simpleSpec, SpecError, TableType } from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { tableTracker, waitFor, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

describe('JSON specs against the broker', () => {
  it('maps fields and pointers to typed columns; bad JSON skips the record, a bad field nulls the field', async () => {
    const topic = await createTopic(uniqueTopic('json'), 1)
    await produce(topic, [
      { key: 'a', value: JSON.stringify({ sym: 'AAPL', px: 189.5, qty: '12', seq: '9223372036854775807', ts: '2026-11-25T10:00:00.123456789Z', info: { venue: 'XNAS' }, tags: ['x', 1] }) },
      { key: 'b', value: '{"sym": "MSFT", "px": ' },
      { key: 'c', value: JSON.stringify({ sym: 'GOOG', px: 'n/a', qty: 3, seq: '-9223372036854775808', ts: 1_700_000_000_000, info: null }) },
      { key: 'd', value: null }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: simpleSpec('Key', 'string'),
        valueSpec: jsonSpec(
          { Sym: 'string', Px: 'float64', Qty: 'int32', Seq: 'int64', Ts: 'timestamp', Venue: 'string', tags: 'string' },
          { sym: 'Sym', px: 'Px', qty: 'Qty', seq: 'Seq', ts: 'Ts', '/info/venue': 'Venue' }
        ),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 3)
    await waitFor(() => t.errors.length === 2, 'one record error and one field error')
    const rows = t.rows().map(({ Key, Sym, Px, Qty, Seq, Ts, Venue, tags }) => ({ Key, Sym, Px, Qty, Seq, Ts, Venue, tags }))
    expect(rows).toEqual([
      { Key: 'a', Sym: 'AAPL', Px: 189.5, Qty: 12, Seq: 9223372036854775807n, Ts: 1_795_600_800_123_456_789n, Venue: 'XNAS', tags: '["x",1]' },
      { Key: 'c', Sym: 'GOOG', Px: null, Qty: 3, Seq: -9223372036854775808n, Ts: 1_700_000_000_000_000_000n, Venue: null, tags: null },
      { Key: 'd', Sym: null, Px: null, Qty: null, Seq: null, Ts: null, Venue: null, tags: null }
    ])
    const [recordError, fieldError] = t.errors
    expect(recordError).toMatchObject({ topic, partition: 0, offset: '1', kind: 'record' })
    expect(recordError.reason).toMatch(/^value: /)
    expect(fieldError).toMatchObject({ topic, partition: 0, offset: '2', kind: 'field', field: 'Px' })
    expect(fieldError.reason).toContain('n/a')
  })

  it('date, duration, decimal, list and map columns: exact decimals, ISO dates and durations, arrays and objects', async () => {
    const topic = await createTopic(uniqueTopic('json-types'), 1)
    await produce(topic, [
      { value: '{"amt": 12345678901234567890.12, "day": "2024-02-29", "lag": "PT1H2M3.25S", "qty": [1, null, 9223372036854775807], "px": {"AAPL": 1.5}}' },
      { value: '{"amt": "-0.10", "day": 0, "lag": 1500, "qty": [], "px": {}}' },
      { value: '{"amt": "x", "day": "2023-02-29", "lag": "P1Y", "qty": ["a"], "px": []}' }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: jsonSpec({ amt: 'decimal', day: 'date', lag: 'duration', qty: 'list<int64>', px: 'map<string,float64>' }),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 3)
    await waitFor(() => t.errors.length === 5, 'a field error per column of the last record')
    expect(t.rows().map(({ amt, day, lag, qty, px }) => ({ amt, day, lag, qty, px }))).toEqual([
      { amt: '12345678901234567890.12', day: 19_782, lag: 3_723_250_000_000n, qty: [1n, null, 9223372036854775807n], px: { AAPL: 1.5 } },
      { amt: '-0.10', day: 0, lag: 1500n, qty: [], px: {} },
      { amt: null, day: null, lag: null, qty: null, px: null }
    ])
    expect(t.errors.map((e) => [e.kind, e.field])).toEqual([
      ['field', 'amt'],
      ['field', 'day'],
      ['field', 'lag'],
      ['field', 'qty'],
      ['field', 'px']
    ])
  })

  it('names the problem in a bad JSON spec before connecting', async () => {
    expect(() => jsonSpec({ A: 'string' }, { a: 'B' })).toThrow(/B/)
    await expect(consume(plaintextConfig(), 'any', { keySpec: simpleSpec('K', 'string'), valueSpec: { kind: 'json', columns: [{ name: 'A', type: 'nope' as never }], mapping: {} } })).rejects.toThrow(SpecError)
  })
})
