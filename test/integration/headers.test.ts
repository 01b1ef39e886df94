import { afterEach, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, OptionsError, simpleSpec, TableType } from '../../src/main/core'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { int32 } from './lib/bytes'
import { tableTracker, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())


describe('record headers as columns', () => {
  it('adds a JSON column of all headers and lifts named headers into typed columns', async () => {
    const topic = await createTopic(uniqueTopic('headers'), 1)
    await produce(topic, [
      { value: 'a', headers: { trace: 'abc-1', attempt: int32(3), tag: ['x', 'y'] } },
      { value: 'b', headers: { raw: Buffer.from([0xff, 0xfe]) } },
      { value: 'c' }
    ])
    const t = tables.track(
      await consume(plaintextConfig(), topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: simpleSpec('V', 'string'),
        tableType: TableType.append(),
        headers: {
          column: 'Headers',
          lift: [
            { header: 'trace', column: 'Trace', type: 'string' },
            { header: 'attempt', column: 'Attempt', type: 'int32' }
          ]
        }
      })
    )
    expect(t.columns.slice(-4).map((c) => `${c.name}:${c.type}`)).toEqual(['V:string', 'Headers:string', 'Trace:string', 'Attempt:int32'])
    await waitForSize(t, 3)
    const rows = t.rows().map(({ V, Headers, Trace, Attempt }) => ({ V, Headers, Trace, Attempt }))
    expect(rows).toEqual([
      { V: 'a', Headers: JSON.stringify({ trace: 'abc-1', attempt: '\u0000\u0000\u0000\u0003', tag: ['x', 'y'] }), Trace: 'abc-1', Attempt: 3 },
      { V: 'b', Headers: JSON.stringify({ raw: 'base64://4=' }), Trace: null, Attempt: null },
      { V: 'c', Headers: null, Trace: null, Attempt: null }
    ])
  })

  it('names a bad header option', async () => {
    await expect(consume(plaintextConfig(), 'any', { valueSpec: simpleSpec('V', 'string'), keySpec: KeyValueSpec.IGNORE, headers: { lift: [{ header: 'h', column: 'H', type: 'nope' as never }] } })).rejects.toThrow(OptionsError)
  })
})
