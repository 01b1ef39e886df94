import { describe, expect, it } from 'vitest'
import { preview } from '../../src/shared/contracts/preview'
import { createClient } from '../../src/shared/ipc/client'
import { isAppError } from '../../src/shared/ipc/errors'
import { createTransportPair } from '../../src/shared/ipc/memoryTransport'
import { RpcServer } from '../../src/shared/ipc/server'
import { PreviewService } from '../../src/main/core/services/previewService'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'

function connect() {
  const server = new RpcServer({ validateOutputs: true })
  server.register(preview, new PreviewService())
  const [clientEnd, serverEnd] = createTransportPair()
  server.attach(serverEnd)
  return createClient(clientEnd, { preview }).preview
}

const json = (sym: string, px: number | string, ts: string) => ({ key: sym, value: JSON.stringify({ sym, px, ts, info: { venue: 'XNAS' } }) })

describe('preview against the broker', () => {
  it('returns the columns and the first rows decoded, the record errors, and closes the table', async () => {
    const topic = await createTopic(uniqueTopic('preview'), 1)
    await produce(topic, [json('AAPL', 189.5, '2026-11-25T10:00:00.123456789Z'), { key: 'bad', value: '{"sym": ' }, json('MSFT', 'n/a', '2026-11-25T10:00:01Z'), json('GOOG', 1, '2026-11-25T10:00:02Z')])
    const api = connect()
    const result = await api.previewTable({
      properties: plaintextConfig(),
      topic,
      offsets: { '-1': -1 },
      keySpec: { kind: 'simple', columnName: 'Key', type: 'string' },
      valueSpec: {
        kind: 'json',
        columns: [{ name: 'Sym', type: 'string' }, { name: 'Px', type: 'float64' }, { name: 'Ts', type: 'timestamp' }, { name: 'Venue', type: 'string' }],
        mapping: { '/sym': 'Sym', '/px': 'Px', '/ts': 'Ts', '/info/venue': 'Venue' }
      },
      tableType: { kind: 'blink' },
      limit: 2,
      timeoutMs: 10_000
    })
    expect(result.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['KafkaPartition:int32', 'KafkaOffset:int64', 'KafkaTimestamp:timestamp', 'Key:string', 'Sym:string', 'Px:float64', 'Ts:timestamp', 'Venue:string'])
    expect(result.rows).toHaveLength(2)
    // cells as a view's viewport has them: int64 and timestamps (epoch ns) as decimal text
    const ns = (iso: string, extra = 0n) => String(BigInt(Date.parse(iso)) * 1_000_000n + extra)
    expect(result.rows[0]!.slice(1)).toEqual(['0', expect.stringMatching(/^\d{19}$/), 'AAPL', 'AAPL', 189.5, ns('2026-11-25T10:00:00.123Z', 456_789n), 'XNAS'])
    expect(result.rows[1]!.slice(3)).toEqual(['MSFT', 'MSFT', null, ns('2026-11-25T10:00:01Z'), 'XNAS'])
    expect(result.truncated).toBe(true)
    expect(result.errors.map((e) => e.kind).sort()).toEqual(['field', 'record'])
  })

  it('stops at the end of the partitions with what arrived, and reports a missing topic as UNKNOWN_TOPIC', async () => {
    const topic = await createTopic(uniqueTopic('preview-few'), 2)
    await produce(topic, [{ value: 'one' }])
    const api = connect()
    const started = Date.now()
    const base = { properties: plaintextConfig(), offsets: { '-1': -1 }, keySpec: { kind: 'ignore' as const }, valueSpec: { kind: 'simple' as const, columnName: 'V', type: 'string' as const }, tableType: { kind: 'append' as const }, limit: 50, timeoutMs: 20_000 }
    const result = await api.previewTable({ ...base, topic })
    expect(Date.now() - started).toBeLessThan(5_000) // it stops once every partition is read to its end
    expect(result.rows.map((r) => r.at(-1))).toEqual(['one'])
    expect(result.truncated).toBe(false)
    await expect(api.previewTable({ ...base, topic: uniqueTopic('missing') })).rejects.toSatisfy((e) => isAppError(e, 'UNKNOWN_TOPIC'))
  })

  it('samples raw values as text, or base64 when they are not UTF-8', async () => {
    const topic = await createTopic(uniqueTopic('sample'), 1)
    await produce(topic, [{ value: '{"a":1}' }, { value: Buffer.from([0xff, 0xfe, 0x00]) }, { value: null }])
    const { records } = await connect().sampleRecords({ properties: plaintextConfig(), topic, limit: 3, timeoutMs: 5_000 })
    expect(records).toEqual([
      { partition: 0, offset: '0', text: '{"a":1}', encoding: 'utf8' },
      { partition: 0, offset: '1', text: '//4A', encoding: 'base64' },
      { partition: 0, offset: '2', text: null, encoding: 'utf8' }
    ])
  })

  it('previews a JSON object processor spec (jsonObject described as data), and says what is wrong with a bad one', async () => {
    const topic = await createTopic(uniqueTopic('preview-object'), 1)
    await produce(topic, [{ value: JSON.stringify({ sym: 'AAPL', at: 1_700_000_000_000, legs: { n: 2 } }) }, { value: JSON.stringify({ sym: 'MSFT' }) }])
    const api = connect()
    const base = { properties: plaintextConfig(), topic, offsets: { '-1': -1 }, keySpec: { kind: 'ignore' as const }, tableType: { kind: 'append' as const }, limit: 10, timeoutMs: 10_000 }
    const result = await api.previewTable({
      ...base,
      valueSpec: { kind: 'jsonObject', fields: { sym: { kind: 'string' }, at: { kind: 'instant', numberFormat: 'ms' }, legs: { kind: 'object', fields: { n: { kind: 'long' } } } } }
    })
    expect(result.columns.slice(3).map((c) => `${c.name}:${c.type}`)).toEqual(['sym:string', 'at:timestamp', 'legs_n:int64'])
    expect(result.rows.map((r) => r.slice(3))).toEqual([['AAPL', '1700000000000000000', '2']])
    expect(result.errors).toMatchObject([{ kind: 'record', offset: '1' }])
    await expect(api.previewTable({ ...base, valueSpec: { kind: 'jsonObject', fields: { a: { kind: 'object', fields: { b: { kind: 'long' } } }, a_b: { kind: 'long' } } } })).rejects.toSatisfy(
      (e) => isAppError(e, 'BAD_SPEC') && /a_b/.test((e as Error).message)
    )
  })
})
