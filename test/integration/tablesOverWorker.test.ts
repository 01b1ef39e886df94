import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engine } from '../../src/shared/contracts/engine'
import { tables } from '../../src/shared/contracts/tables'
import { views } from '../../src/shared/contracts/views'
import type { ViewportDataDto } from '../../src/shared/model/views'
import { createClient } from '../../src/shared/ipc/client'
import { isAppError } from '../../src/shared/ipc/errors'
import { createTransportPair } from '../../src/shared/ipc/memoryTransport'
import type { TableStatus } from '../../src/shared/model/tables'
import { startEngineWorker, type EngineWorkerHost } from '../../src/main/host/engineWorkerHost'
import { bundleWorker } from '../support/bundleWorker'
import { createTopic, plaintextConfig, produce, uniqueTopic } from '../support/testEnv'
import { int32 } from './lib/bytes'
import { waitFor } from './lib/waitFor'

let host: EngineWorkerHost
beforeAll(async () => {
  host = await startEngineWorker(await bundleWorker(join(__dirname, '../../src/main/core/host/engineWorker.ts')))
}, 30_000)
afterAll(() => host.terminate())

function connect() {
  const [clientEnd, serverEnd] = createTransportPair()
  host.attach(serverEnd)
  return { api: createClient(clientEnd, { tables, engine, views }), clientEnd }
}

/** An append table of the topic from its beginning: the value as int32 column N, no key. */
function openInt32Table(api: ReturnType<typeof connect>['api'], topic: string) {
  return api.tables.openTable({
    properties: plaintextConfig(),
    topic,
    offsets: { '-1': -1 },
    keySpec: { kind: 'ignore' },
    valueSpec: { kind: 'simple', columnName: 'N', type: 'int32' },
    tableType: { kind: 'append' }
  })
}

describe('tables over the engine worker', () => {
  it('opens a table, streams its status, lists bad records and closes', async () => {
    const topic = await createTopic(uniqueTopic('worker-tables'), 2)
    await produce(topic, [{ value: int32(1) }, { value: Buffer.from('bad') }, { value: int32(3) }])
    const { api, clientEnd } = connect()
    const info = await openInt32Table(api, topic)
    expect(info.columns.map((c) => c.name)).toEqual(['KafkaPartition', 'KafkaOffset', 'KafkaTimestamp', 'N'])
    let status: TableStatus | undefined
    const stop = api.tables.onTableStatus({ tableId: info.tableId }, (s) => (status = s))
    await waitFor(() => status?.size === 2 && status.errorCount === 1, 'status with 2 rows and 1 error')
    const errors = await api.tables.listErrors({ tableId: info.tableId })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ topic, reason: 'value: expected 4 bytes for int32, got 3' })
    await api.tables.pauseTable({ tableId: info.tableId })
    await waitFor(() => status?.state === 'paused', 'the paused state')
    stop()
    await api.tables.closeTable({ tableId: info.tableId })
    await expect(api.tables.pauseTable({ tableId: info.tableId })).rejects.toSatisfy((e) => isAppError(e, 'TABLE_NOT_FOUND'))
    clientEnd.close()
  })

  it('pushes an idle table\'s status only when it changes', async () => {
    const topic = await createTopic(uniqueTopic('worker-idle-status'), 1)
    await produce(topic, [{ value: int32(1) }, { value: int32(2) }])
    const { api, clientEnd } = connect()
    const info = await openInt32Table(api, topic)
    const pushes: TableStatus[] = []
    const stop = api.tables.onTableStatus({ tableId: info.tableId }, (s) => pushes.push(s))
    await waitFor(() => pushes.at(-1)?.size === 2 && pushes.at(-1)?.rowsPerSecond === 0 && pushes.at(-1)?.partitions[0]?.lag === 0, 'an idle status', 20_000)
    const settled = pushes.length
    await new Promise((r) => setTimeout(r, 2600)) // two polls
    expect(pushes.length).toBe(settled)
    await produce(topic, [{ value: int32(3) }])
    await waitFor(() => pushes.at(-1)?.size === 3, 'the status after a new record')
    stop()
    await api.tables.closeTable({ tableId: info.tableId })
    clientEnd.close()
  })

  it('turns consume errors into coded errors', async () => {
    const { api, clientEnd } = connect()
    const open = (properties: Record<string, string>, topic: string) =>
      api.tables.openTable({ properties, topic, keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'V', type: 'string' }, tableType: { kind: 'blink' } })
    await expect(open(plaintextConfig(), uniqueTopic('nope'))).rejects.toSatisfy((e) => isAppError(e, 'UNKNOWN_TOPIC'))
    await expect(open({ 'bootstrap.server': 'x:1' }, 't')).rejects.toSatisfy((e) => isAppError(e, 'KAFKA_CONFIG'))
    clientEnd.close()
  })

  it("a connection's tables close when it goes away", async () => {
    const topic = await createTopic(uniqueTopic('worker-disconnect'), 1)
    const { api, clientEnd } = connect()
    const info = await api.tables.openTable({ properties: plaintextConfig(), topic, keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'V', type: 'string' }, tableType: { kind: 'blink' } })
    expect(info.tableId).toBeTruthy()
    const observer = connect()
    const before = (await observer.api.engine.getInfo()).openTables
    expect(before).toBeGreaterThanOrEqual(1)
    clientEnd.close()
    let openTables = before
    await waitFor(() => {
      void observer.api.engine.getInfo().then((i) => (openTables = i.openTables))
      return openTables === before - 1
    }, 'the table to close with its connection')
    await expect(observer.api.tables.closeTable({ tableId: info.tableId })).rejects.toSatisfy((e) => isAppError(e, 'TABLE_NOT_FOUND'))
    observer.clientEnd.close()
  })

  it('views sort and filter in the engine and send only the viewport, then push changes', async () => {
    const topic = await createTopic(uniqueTopic('worker-views'), 1)
    await produce(topic, Array.from({ length: 1000 }, (_, i) => ({ key: `s${i % 10}`, value: int32(i) })))
    const { api, clientEnd } = connect()
    const info = await api.tables.openTable({
      properties: plaintextConfig(),
      topic,
      offsets: { '-1': -1 },
      keySpec: { kind: 'simple', columnName: 'Sym', type: 'string' },
      valueSpec: { kind: 'simple', columnName: 'N', type: 'int32' },
      tableType: { kind: 'append' }
    })
    const { viewId } = await api.views.openView({ tableId: info.tableId, spec: { sort: [{ column: 'N', direction: 'desc' }], filters: [{ column: 'Sym', kind: 'equals', value: 's3' }], columns: ['Sym', 'N', 'KafkaOffset'] } })
    let pushed: ViewportDataDto | undefined
    const stop = api.views.onViewportData({ viewId }, (d) => (pushed = d))
    let data = await api.views.setViewport({ viewId, first: 0, last: 5 })
    await waitFor(() => (pushed?.rowCount ?? data.rowCount) === 100, 'the view to hold the 100 rows of s3')
    data = await api.views.setViewport({ viewId, first: 0, last: 5 })
    expect(data.columns.map((c) => c.name)).toEqual(['Sym', 'N', 'KafkaOffset'])
    expect(data.columns[1].values).toEqual([993, 983, 973, 963, 953])
    expect(data.columns[2].values).toEqual(['993', '983', '973', '963', '953'])
    await produce(topic, [{ key: 's3', value: int32(5000) }])
    await waitFor(() => pushed?.rowCount === 101, 'a pushed viewport with the new row')
    expect(pushed!.columns[1].values[0]).toBe(5000)
    await api.views.setViewSpec({ viewId, spec: { sort: [], filters: [], columns: ['N'] } })
    const tail = await api.views.setViewport({ viewId, first: 0, last: 3, anchor: 'end' })
    expect(tail.columns[0].values).toEqual([998, 999, 5000])
    await produce(topic, [{ key: 's1', value: int32(6000) }, { key: 's1', value: int32(6001) }])
    await waitFor(() => pushed?.rowCount === 1003, 'a pushed tail with the two new rows')
    expect(pushed!.first).toBe(1000)
    expect(pushed!.columns[0].values).toEqual([5000, 6000, 6001])
    const read = await api.views.readRows({ viewId, first: 0, last: 2 })
    expect(read.columns[0].values).toEqual([0, 1])
    await produce(topic, [{ key: 's1', value: int32(7000) }])
    await waitFor(() => pushed?.rowCount === 1004, 'a push after readRows')
    expect(pushed!.columns[0].values).toEqual([6000, 6001, 7000]) // readRows did not move the tail viewport
    await expect(api.views.openView({ tableId: info.tableId, spec: { sort: [{ column: 'Nope', direction: 'asc' }], filters: [] } })).rejects.toSatisfy((e) => isAppError(e, 'BAD_VIEW_SPEC'))
    stop()
    await api.tables.closeTable({ tableId: info.tableId })
    await expect(api.views.setViewport({ viewId, first: 0, last: 5 })).rejects.toSatisfy((e) => isAppError(e, 'VIEW_NOT_FOUND'))
    clientEnd.close()
  })

  it('list, map, decimal, date and duration columns reach the viewport as JSON-safe cells, sorted and filtered in the engine', async () => {
    const topic = await createTopic(uniqueTopic('worker-types'), 1)
    await produce(topic, [
      { value: '{"amt": 12345678901234567890.12, "day": "2024-02-29", "lag": "PT1.5S", "qty": [1, null], "px": {"AAPL": 1.5}}' },
      { value: '{"amt": -0.5, "day": 0, "lag": 7, "qty": [], "px": {"MSFT": 2}}' },
      { value: '{"amt": "10.50"}' }
    ])
    const { api, clientEnd } = connect()
    const info = await api.tables.openTable({
      properties: plaintextConfig(),
      topic,
      offsets: { '-1': -1 },
      keySpec: { kind: 'ignore' },
      valueSpec: {
        kind: 'json',
        columns: [
          { name: 'amt', type: 'decimal' },
          { name: 'day', type: 'date' },
          { name: 'lag', type: 'duration' },
          { name: 'qty', type: 'list<int64>' },
          { name: 'px', type: 'map<string,float64>' }
        ],
        mapping: {}
      },
      tableType: { kind: 'append' }
    })
    expect(info.columns.slice(-2)).toEqual([
      { name: 'qty', type: 'list<int64>' },
      { name: 'px', type: 'map<string,float64>' }
    ])
    const columns = ['amt', 'day', 'lag', 'qty', 'px']
    const { viewId } = await api.views.openView({ tableId: info.tableId, spec: { sort: [{ column: 'amt', direction: 'desc' }], filters: [], columns } })
    const viewportWith = async (rows: number): Promise<ViewportDataDto> => {
      const deadline = Date.now() + 20_000
      for (;;) {
        const data = await api.views.setViewport({ viewId, first: 0, last: 5 })
        if (data.rowCount === rows || Date.now() > deadline) return data
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    const data = await viewportWith(3)
    expect(data.columns.map((c) => c.values)).toEqual([
      ['12345678901234567890.12', '10.50', '-0.5'],
      ['2024-02-29', null, '1970-01-01'],
      ['1500000000', null, '7'],
      [['1', null], null, []],
      [{ AAPL: 1.5 }, null, { MSFT: 2 }]
    ])
    await api.views.setViewSpec({ viewId, spec: { sort: [], filters: [{ column: 'px', kind: 'contains', value: 'msft' }], columns: ['amt'] } })
    expect((await viewportWith(1)).columns[0].values).toEqual(['-0.5'])
    await expect(api.views.setViewSpec({ viewId, spec: { sort: [{ column: 'qty', direction: 'asc' }], filters: [] } })).rejects.toSatisfy((e) => isAppError(e, 'BAD_VIEW_SPEC'))
    await api.tables.closeTable({ tableId: info.tableId })
    clientEnd.close()
  })
})
