// Tables from a real Kafka topic, in Chromium over the browser host: open, watch rows arrive, sort, filter,
// bad records, pause/resume, copy, stop, close, and what the form says when opening fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootstrap, createTopic, listGroups, produce, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { int32 } from './support/bulkProduce'
import { connectEngine, type EngineClient } from './support/engineClient'
import { TablesPage, type OpenTableOptions, type TableTabPage } from './support/tablesPage'

let app: AppSession
let page: TablesPage
let engine: EngineClient
let topic: string
let tab: TableTabPage
/** Where the one bad record (a 2-byte value for an int32 column) landed. */
let bad: { partition: number; offset: string }

const keyed = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => ({ key: `k${(from + k) % 10}`, value: int32(from + k) }))

function options(topicName: string): OpenTableOptions {
  return { bootstrap: bootstrap(), topic: topicName, key: { column: 'Key', type: 'string' }, value: { column: 'Value', type: 'int32' } }
}

async function openTables(): Promise<number> {
  return (await engine.getInfo()).openTables
}

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

beforeAll(async () => {
  topic = await createTopic(uniqueTopic('orders'), 2)
  await produce(topic, keyed(0, 100))
  const [meta] = await produce(topic, [{ key: 'k-bad', value: Buffer.from([1, 2]) }])
  bad = { partition: meta.partition, offset: meta.baseOffset ?? '' }
  await produce(topic, keyed(100, 200))
  app = await openApp({ width: 1360, height: 820 })
  page = new TablesPage(app.page)
  engine = connectEngine(app.host.url)
  await page.waitReady()
})

afterAll(async () => {
  engine?.close()
  await app?.close()
})

describe('a table from a topic', () => {
  it('opens from the beginning and shows rows as they arrive', async () => {
    await app.screenshot('tables-01-form')
    // a fresh form names nothing as wrong at its fields yet; Open waits, and its summary says why
    expect(await app.page.locator('form.open-form .field-error').count()).toBe(0)
    expect(await app.page.locator('form.open-form [data-summary]').textContent()).toMatch(/[Tt]opic/)
    expect(await app.page.locator('form.open-form button[type=submit]').isDisabled()).toBe(true)
    tab = await page.openTable(options(topic))
    await tab.waitForViewRowCount(200)
    await waitFor(async () => (await tab.tableRowCount()) === 200, 'the header row count')
    await tab.waitForState('running')
    expect(await tab.cell(0, 'KafkaOffset')).toBe('0')
    expect(await tab.cell(0, 'Key')).toMatch(/^k\d$/)
    expect(await tab.root.locator('.info-bar .specs').textContent()).toContain('Value: int32')
    await app.screenshot('tables-02-opened')

    // at the end of the table, new rows scroll into view as they come (a live tail)
    await tab.focusGrid()
    await app.page.keyboard.press('Control+End')
    await waitFor(async () => Math.max(...(await tab.renderedRows())) === 199, 'the end of the table')
    await produce(topic, keyed(200, 500))
    await tab.waitForViewRowCount(500)
    await waitFor(async () => Math.max(...(await tab.renderedRows())) === 499, 'the last row to scroll into view')
    await waitFor(async () => (await tab.tableRowCount()) === 500, 'the header row count')
    expect(await tab.root.locator('.info-bar .lag').textContent()).toMatch(/p0 \d+ · p1 \d+/)
    await app.screenshot('tables-03-rows-arrived')
    await app.page.keyboard.press('Control+Home')
    await tab.waitForCell(0, 'KafkaOffset', '0')
  })

  it('sorts by a header click (asc, desc, none) and by more keys with shift-click', async () => {
    await tab.clickHeader('Value')
    await tab.waitForCell(0, 'Value', '0')
    await tab.clickHeader('Value')
    await tab.waitForCell(0, 'Value', '499')
    expect(await tab.sortOf('Value')).toBe('descending')

    await tab.clickHeader('Key') // replaces the sort: Key ascending
    await tab.clickHeader('Value', { shift: true })
    await tab.clickHeader('Value', { shift: true }) // Key asc, then Value desc
    await tab.waitForCell(0, 'Value', '490')
    const keys = await tab.columnValues('Key')
    const values = (await tab.columnValues('Value')).map(Number)
    expect(keys.slice(0, 20).every((k) => k === 'k0')).toBe(true)
    expect(values.slice(0, 20)).toEqual([...values.slice(0, 20)].sort((a, b) => b - a))
    await app.screenshot('tables-04-sorted-two-keys')

    await tab.clickHeader('Key') // Key desc alone
    await tab.clickHeader('Key') // no sort
    expect(await tab.sortOf('Key')).toBe('none')
    expect(await tab.sortOf('Value')).toBe('none')
  })

  it('filters with the filter row: numeric range, text, null', async () => {
    await tab.filterRange('Value', '100', '109')
    await tab.waitForViewRowCount(10)
    expect((await tab.columnValues('Value')).map(Number).sort((a, b) => a - b)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109])
    await tab.filterText('Key', 'k3')
    await tab.waitForViewRowCount(1)
    expect(await tab.columnValues('Value')).toEqual(['103'])
    await app.screenshot('tables-05-filtered')

    await tab.clearFilters()
    await tab.waitForViewRowCount(500)
    await tab.filterRange('KafkaTimestamp', '2000-01-01', '2000-01-02')
    await tab.waitForViewRowCount(0)
    await tab.filterRange('KafkaTimestamp', '2000-01-01', '')
    await tab.waitForViewRowCount(500)

    await tab.filterMode('Key', 'null')
    await tab.waitForViewRowCount(0)
    await tab.root.getByText('No rows match the filters').waitFor()
    await app.screenshot('tables-06-no-match')
    await tab.clearFilters()
    await tab.waitForViewRowCount(500)
  })

  it('counts the bad record and lists it with partition, offset and reason', async () => {
    await waitFor(async () => (await tab.errorCount()) === 1, 'the error count')
    const errors = await tab.openErrorList()
    expect(errors).toEqual([{ partition: String(bad.partition), offset: bad.offset, field: 'Value', reason: expect.stringContaining('expected 4 bytes for int32, got 2') }])
    await app.screenshot('tables-07-error-list')
    await tab.closeDialog()
  })

  it('pauses (no new rows) and resumes (the rows come)', async () => {
    await tab.pause()
    await produce(topic, keyed(500, 550))
    await app.page.waitForTimeout(1500)
    expect(await tab.viewRowCount()).toBe(500)
    await app.screenshot('tables-08-paused')
    await tab.resume()
    await tab.waitForViewRowCount(550)
    await app.screenshot('tables-09-resumed')
  })

  it('copies a cell and rows as TSV', async () => {
    await tab.clickHeader('Value') // Value ascending: row n has Value n
    await tab.waitForCell(0, 'Value', '0')
    await tab.clickCell(5, 'Value')
    expect(await tab.copy()).toBe('5')
    await tab.clickRowNumber(1)
    await tab.clickRowNumber(3, { shift: true })
    const lines = (await tab.copy({ withHeader: true })).split('\n').map((l) => l.split('\t'))
    expect(lines[0]).toEqual(['KafkaPartition', 'KafkaOffset', 'KafkaTimestamp', 'Key', 'Value'])
    expect(lines.slice(1).map((l) => [l[3], l[4]])).toEqual([
      ['k1', '1'],
      ['k2', '2'],
      ['k3', '3']
    ])
    expect(lines[1][2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/)
    await app.screenshot('tables-10-copied')
    await tab.clickHeader('Value')
    await tab.clickHeader('Value')
  })
})

describe('stopping and closing', () => {
  it('stop closes the table in the engine; the tab can open it again', async () => {
    const before = await openTables()
    await tab.stop()
    await waitFor(async () => (await openTables()) === before - 1, 'the table to close')
    await app.screenshot('tables-11-stopped')
    await tab.root.getByText('Open it again').click()
    await tab.waitForState('running')
    await tab.waitForViewRowCount(550)
    expect(await openTables()).toBe(before)
  })

  it('closing the tab closes the table and leaves no consumer group behind', async () => {
    const groupsBefore = new Set((await listGroups()).map((g) => g.groupId))
    const tablesBefore = await openTables()
    const other = await createTopic(uniqueTopic('close-me'), 1)
    await produce(other, keyed(0, 10))
    const closing = await page.openTable(options(other))
    await closing.waitForViewRowCount(10)
    expect(await openTables()).toBe(tablesBefore + 1)
    await app.screenshot('tables-12-two-tabs')

    await page.closeTab(other)
    await waitFor(async () => (await openTables()) === tablesBefore, 'the table to close')
    const newGroups = (await listGroups()).map((g) => g.groupId).filter((g) => !groupsBefore.has(g))
    expect(newGroups).toEqual([])
    await waitFor(async () => (await page.engineInfoText()).includes(`${tablesBefore} open tables`), 'the status bar')
  })
})

describe('when a table cannot be opened', () => {
  it('says the topic does not exist', async () => {
    const missing = uniqueTopic('missing')
    await page.submitOpenForm(options(missing))
    const panel = page.openError()
    await panel.waitFor({ timeout: 30_000 })
    expect(await panel.getAttribute('data-error-code')).toBe('UNKNOWN_TOPIC')
    expect(await panel.textContent()).toContain('Topic not found')
    expect(await panel.textContent()).toContain(missing)
    await app.screenshot('tables-13-unknown-topic')
  })

  it('lists what is wrong with the Kafka properties', async () => {
    await page.submitOpenForm({ ...options(topic), extraProperties: 'security.protocol=CARRIER_PIGEON\nsasl.mechanism=PLAIN' })
    const panel = page.openError()
    await panel.and(app.page.locator('[data-error-code="KAFKA_CONFIG"]')).waitFor({ timeout: 30_000 })
    expect(await panel.textContent()).toContain('security.protocol')
    expect(await panel.locator('.problems li').count()).toBeGreaterThan(0)
    await app.screenshot('tables-14-kafka-config')
  })

  it('says when the brokers cannot be reached', async () => {
    await page.submitOpenForm({ ...options(topic), bootstrap: '127.0.0.1:1', extraProperties: 'default.api.timeout.ms=3000' })
    const panel = page.openError()
    await panel.and(app.page.locator('[data-error-code="BROKER_UNREACHABLE"]')).waitFor({ timeout: 30_000 })
    expect(await panel.textContent()).toContain('127.0.0.1:1')
    await app.screenshot('tables-15-unreachable')
  })
})
