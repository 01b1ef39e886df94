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

  it('decodes the wider value types, tuples, typed objects and arrays of objects; unknown types and fields are record errors', async () => {
    const j = jsonObject
    const topic = await createTopic(uniqueTopic('objproc2'), 1)
    const trade = {
      msg: { kind: 'trade', sym: 'AAPL', px: '189.50', qty: 12.9, at: '2026-11-25T10:00:00.5Z' }, day: '2026-11-25', hold: 'PT1H', side: 'B',
      pos: [1.5, -2], fills: [{ px: 1, at: 1_700_000_000_000 }, { px: 2, at: 1_700_000_000_001 }], big: 'BIG', meta: { a: [1] }
    }
    const quote = { msg: { kind: 'quote', sym: 'MSFT', bid: 1, ask: 2 }, day: '2026-11-26', hold: 'P1D', side: 'S', pos: [0, 0], fills: [], big: 1, meta: null }
    await produce(topic, [
      { value: JSON.stringify(trade).replace('"BIG"', '123456789012345678901234567890') },
      { value: JSON.stringify(quote) },
      { value: JSON.stringify({ ...quote, msg: { ...quote.msg, kind: 'cancel' } }) },
      { value: JSON.stringify({ ...quote, extra: 1 }) }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: simpleSpec('Key', 'string'),
        valueSpec: objectProcessorSpec(
          j(
            {
              msg: j.typedObject({ typeField: 'kind', shared: { sym: j.string() }, objects: { trade: { px: j.bigDecimal({ allowString: true }), qty: j.int({ allowDecimal: true }), at: j.instant() }, quote: { bid: j.float(), ask: j.float() } } }),
              day: j.date(),
              hold: j.duration(),
              side: j.char(),
              pos: j.tuple({ x: j.double(), y: j.double() }),
              fills: j.array(j.object({ px: j.short(), at: j.instant({ numberFormat: 'ms' }) })),
              big: j.bigInteger(),
              meta: j.any({ allowNull: true }),
              missing: j.long({ onMissing: -1 })
            },
            { allowUnknownFields: false }
          )
        ),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 2)
    await waitFor(() => t.errors.length === 2, 'two record errors')
    const names = t.columns.map((c) => `${c.name}:${c.type}`).filter((n) => !n.startsWith('Kafka') && !n.startsWith('Key'))
    expect(names).toEqual([
      'msg_kind:string', 'msg_sym:string', 'msg_trade_px:decimal', 'msg_trade_qty:int32', 'msg_trade_at:timestamp', 'msg_quote_bid:float32', 'msg_quote_ask:float32',
      'day:date', 'hold:duration', 'side:string', 'pos_x:float64', 'pos_y:float64', 'fills_px:list<int16>', 'fills_at:list<timestamp>', 'big:decimal', 'meta:string', 'missing:int64'
    ])
    const rows = t.rows().map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('Kafka') && k !== 'Key')))
    expect(rows).toEqual([
      {
        msg_kind: 'trade', msg_sym: 'AAPL', msg_trade_px: '189.50', msg_trade_qty: 12, msg_trade_at: 1_795_600_800_500_000_000n, msg_quote_bid: null, msg_quote_ask: null,
        day: 20782, hold: 3_600_000_000_000n, side: 'B', pos_x: 1.5, pos_y: -2, fills_px: [1, 2], fills_at: [1_700_000_000_000_000_000n, 1_700_000_000_001_000_000n],
        big: '123456789012345678901234567890', meta: '{"a":[1]}', missing: -1n
      },
      {
        msg_kind: 'quote', msg_sym: 'MSFT', msg_trade_px: null, msg_trade_qty: null, msg_trade_at: null, msg_quote_bid: 1, msg_quote_ask: 2,
        day: 20783, hold: 86_400_000_000_000n, side: 'S', pos_x: 0, pos_y: 0, fills_px: [], fills_at: [], big: '1', meta: null, missing: -1n
      }
    ])
    expect(t.errors.map((e) => e.offset)).toEqual(['2', '3'])
    expect(t.errors[0].reason).toContain('unknown type "cancel"')
    expect(t.errors[1].reason).toContain("unknown field 'extra'")
  })
})
