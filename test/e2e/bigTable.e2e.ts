// A 1,000,000-row table from a real topic: the engine holds the rows, the page only the screenful it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootstrap, createTopic, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { int32, produceMany } from './support/bulkProduce'
import { TablesPage, type TableTabPage } from './support/tablesPage'

const ROWS = 1_000_000

let app: AppSession
let page: TablesPage
let tab: TableTabPage
let topic: string

beforeAll(async () => {
  // one partition: KafkaOffset = arrival index = Value
  topic = await createTopic(uniqueTopic('million'), 1)
  await produceMany(topic, ROWS, (i) => ({ value: int32(i) }))
  app = await openApp({ width: 1280, height: 800 })
  page = new TablesPage(app.page)
  await page.waitReady()
}, 180_000)

afterAll(async () => {
  await app?.close()
})

describe('a 1,000,000-row table', () => {
  it('fills up while the page keeps a screenful of rows', async () => {
    tab = await page.openTable({ bootstrap: bootstrap(), topic, key: 'ignore', value: { column: 'Value', type: 'int32' } })
    await tab.waitForViewRowCount(ROWS, 90_000)
    await tab.waitForCell(0, 'Value', '0')
    const metrics = await tab.scrollMetrics()
    expect(metrics.spacer).toBeLessThanOrEqual(10_000_000) // 22 px × 1M rows would be 22M px: the scrollbar is scaled
    expect(await tab.domRowCount()).toBeLessThanOrEqual(40)
    await app.screenshot('big-01-loaded')
  }, 120_000)

  it('scrolls to the end with the scrollbar', async () => {
    await tab.scrollToFraction(1)
    await tab.waitForCell(ROWS - 1, 'KafkaOffset', String(ROWS - 1))
    expect(await tab.cell(ROWS - 1, 'Value')).toBe(String(ROWS - 1))
    expect(Math.max(...(await tab.renderedRows()))).toBe(ROWS - 1)
    expect(await tab.domRowCount()).toBeLessThanOrEqual(40)
    await app.screenshot('big-02-end')
  })

  it('and back with the keyboard, then to the end again', async () => {
    await tab.clickCell(ROWS - 2, 'Value')
    await app.page.keyboard.press('Control+Home')
    await tab.waitForCell(0, 'Value', '0')
    await app.page.keyboard.press('Control+End')
    await tab.waitForCell(ROWS - 1, 'Value', String(ROWS - 1))
    await app.page.keyboard.press('Escape')
  })

  it('sorts a million rows in the engine', async () => {
    await tab.clickHeader('Value')
    await tab.clickHeader('Value')
    expect(await tab.sortOf('Value')).toBe('descending')
    await tab.waitForCell(0, 'Value', String(ROWS - 1))
    expect(await tab.cell(1, 'Value')).toBe(String(ROWS - 2))
    await app.screenshot('big-03-sorted-desc')
    await tab.clickHeader('Value')
  })

  it('filters a million rows in the engine', async () => {
    await tab.filterRange('Value', '500000', '500009')
    await tab.waitForViewRowCount(10)
    expect(await tab.columnValues('Value')).toEqual(Array.from({ length: 10 }, (_, i) => String(500_000 + i)))
    await app.screenshot('big-04-filtered')
    await tab.clearFilters()
    await tab.waitForViewRowCount(ROWS)
  })

  it('closes', async () => {
    await page.closeTab(topic)
    await app.page.locator('form.open-form').waitFor({ state: 'visible' })
  })
})
