// The grid at a size Kafka tests cannot reach: ten million rows from the fake engine (support/fakeEngine.ts),
// which speaks the real contracts over the real WebSocket transport and records every call the page makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, type PageSession } from './support/appPage'
import { startFakeHost, type FakeHost } from './support/fakeEngine'
import { TablesPage, type TableTabPage } from './support/tablesPage'

const TOPIC = 'synthetic-10000000'
const ROWS = 10_000_000
/** Chromium's limit on an element's height. */
const BROWSER_MAX_HEIGHT = 33_554_428

let host: FakeHost
let session: PageSession
let app: TablesPage
let tab: TableTabPage

interface ViewportArgs {
  first: number
  last: number
}

const viewportCalls = () => host.fake.callsOf('setViewport').map((c) => c.args as ViewportArgs)

beforeAll(async () => {
  host = await startFakeHost()
  session = await openPage(host.url, { width: 1280, height: 800 })
  app = new TablesPage(session.page)
  await app.waitReady()
  tab = await app.openTable({ bootstrap: 'fake:9092', topic: TOPIC })
  await tab.waitForCell(0, 'KafkaOffset', '0')
})

afterAll(async () => {
  await session?.close()
  await host?.close()
})

/** First rendered row that is actually on screen (rendering adds 3 rows of overscan each side). */
async function firstVisibleRow(): Promise<number> {
  const rows = await tab.renderedRows()
  return rows[0] === 0 ? 0 : rows[0] + 3
}

describe('a 10,000,000-row table', () => {
  it('renders only the rows on screen, under a scrollbar the browser can handle', async () => {
    expect(await tab.viewRowCount()).toBe(ROWS)
    const metrics = await tab.scrollMetrics()
    expect(metrics.spacer).toBeLessThanOrEqual(10_000_000)
    expect(metrics.scrollHeight).toBeLessThan(BROWSER_MAX_HEIGHT)
    const visibleRows = Math.ceil(metrics.clientHeight / 22) // the row scrollbar is as tall as the rows area
    expect(await tab.domRowCount()).toBeLessThanOrEqual(visibleRows + 7)
    expect(await tab.cell(0, 'KafkaTimestamp')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000$/)
    expect(await tab.cell(3, 'Key')).toBe('null')
    await session.screenshot('grid-10m-top')
  })

  it('maps the scrollbar onto every row: the middle shows row 5,000,000, the bottom the last row', async () => {
    await tab.scrollToFraction(0.5)
    await session.page.waitForTimeout(100)
    const middle = await firstVisibleRow()
    expect(Math.abs(middle - ROWS / 2)).toBeLessThan(100)
    await tab.waitForCell(middle, 'KafkaOffset', String(middle))
    await session.screenshot('grid-10m-middle')

    await tab.scrollToFraction(1)
    await tab.waitForCell(ROWS - 1, 'KafkaOffset', String(ROWS - 1))
    expect(Math.max(...(await tab.renderedRows()))).toBe(ROWS - 1)
    expect(await tab.domRowCount()).toBeLessThanOrEqual(40)
    await session.screenshot('grid-10m-bottom')
  })

  it('scrolls by rows on the wheel, not by the thousands the scaled scrollbar would give', async () => {
    await tab.scrollToFraction(0)
    await tab.waitForCell(0, 'KafkaOffset', '0')
    await tab.wheel(220)
    await session.page.waitForTimeout(100)
    expect(await firstVisibleRow()).toBe(10)
    await tab.waitForCell(10, 'KafkaOffset', '10')
  })

  it('asks the engine for the visible rows plus a page each way, a few times per long scroll', async () => {
    const before = viewportCalls().length
    await tab.wheel(110, 40) // 4,400 px: 200 rows, a wheel event at a time
    await session.page.waitForTimeout(300)
    const calls = viewportCalls().slice(before)
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.length).toBeLessThan(20)
    // the rows drawn: ~30 visible, the 2 cut at the edges and 3 overscan each side; a page of them each way
    for (const c of calls) expect(c.last - c.first).toBeLessThanOrEqual(3 * (30 + 2 + 2 * 3))
    const first = await firstVisibleRow()
    expect(first).toBe(210)
    await tab.waitForCell(first, 'KafkaOffset', String(first))
  })

  it('moves with the keyboard: Ctrl+End, Ctrl+Home, arrows', async () => {
    await tab.clickCell(212, 'Key')
    await session.page.keyboard.press('Control+End')
    await tab.waitForCell(ROWS - 1, 'KafkaOffset', String(ROWS - 1))
    await session.page.keyboard.press('ArrowUp')
    expect(await tab.grid.locator('.cell.focus').count()).toBe(1)
    expect(await tab.grid.locator(`.row[data-row="${ROWS - 2}"] .cell.focus`).count()).toBe(1)
    await session.page.keyboard.press('Control+Home')
    await tab.waitForCell(0, 'KafkaOffset', '0')
    expect(await tab.grid.locator('.row[data-row="0"] .cell.focus').count()).toBe(1)
  })

  it('scrolls sideways on a sideways swipe and on shift+wheel: the header follows the cells, the row numbers stay', async () => {
    await tab.scrollToFraction(0)
    await tab.waitForCell(0, 'KafkaOffset', '0')
    const start = await tab.sideways()
    const top = await firstVisibleRow()
    await tab.wheel(0, 1, { deltaX: 120 })
    await session.page.waitForTimeout(100)
    const swiped = await tab.sideways()
    expect(swiped.scrollLeft).toBeGreaterThan(0)
    expect(swiped.headerX - start.headerX).toBeCloseTo(-swiped.scrollLeft, 0)
    expect(swiped.cellX - start.cellX).toBeCloseTo(-swiped.scrollLeft, 0)
    expect(swiped.gutterX).toBe(start.gutterX)
    expect(await firstVisibleRow()).toBe(top)
    await session.screenshot('grid-sideways')

    await tab.wheel(-120, 1, { shift: true })
    await session.page.waitForTimeout(100)
    expect((await tab.sideways()).scrollLeft).toBeLessThan(swiped.scrollLeft)
    expect(await firstVisibleRow()).toBe(top)
  })

  it('brings the focused cell into view sideways: End shows the last column, Home the first', async () => {
    await tab.scrollToFraction(0)
    await tab.waitForCell(0, 'KafkaOffset', '0')
    await tab.clickCell(2, 'KafkaPartition')
    await session.page.keyboard.press('End')
    await session.page.waitForTimeout(100)
    const viewport = (await tab.grid.locator('.columns-viewport').boundingBox())!
    const focused = (await tab.grid.locator('.cell.focus').boundingBox())!
    expect((await tab.sideways()).scrollLeft).toBeGreaterThan(0)
    expect(focused.x + focused.width).toBeLessThanOrEqual(viewport.x + viewport.width + 0.5)
    await session.screenshot('grid-focus-last-column')
    await session.page.keyboard.press('Home')
    await session.page.waitForTimeout(100)
    expect((await tab.sideways()).scrollLeft).toBe(0)
  })

  it('scrolls by rows when a finger drags the rows up (a touch screen)', async () => {
    await tab.scrollToFraction(0)
    await tab.waitForCell(0, 'KafkaOffset', '0')
    await tab.touchDrag(-220)
    await session.page.waitForTimeout(100)
    expect(await firstVisibleRow()).toBe(10)
    await tab.waitForCell(10, 'KafkaOffset', '10')
    await tab.touchDrag(220)
    await session.page.waitForTimeout(100)
    expect(await firstVisibleRow()).toBe(0)
  })
})

describe('copying', () => {
  it('copies a cell as its text', async () => {
    await tab.clickCell(1, 'Key')
    expect(await tab.copy()).toBe('key-1')
    expect(await tab.notice()).toBe('Copied 1 cell')
  })

  it('copies rows picked by click and shift-click as TSV, with headers on Ctrl+Shift+C', async () => {
    await tab.clickRowNumber(0)
    await tab.clickRowNumber(2, { shift: true })
    const text = await tab.copy()
    const lines = text.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1].split('\t')).toEqual(['1', '1', expect.stringMatching(/\.010$/), 'key-1', '0.25', 'false', '0141420a'])
    const withHeader = await tab.copy({ withHeader: true })
    expect(withHeader.split('\n')[0]).toBe('KafkaPartition\tKafkaOffset\tKafkaTimestamp\tKey\tPrice\tFlag\tPayload')
    await session.screenshot('grid-rows-selected')
  })

  it('copies a rectangle of cells (shift-click)', async () => {
    await tab.clickCell(4, 'KafkaOffset')
    await tab.clickCell(6, 'Key', { shift: true })
    const lines = (await tab.copy()).split('\n').map((l) => l.split('\t'))
    expect(lines).toEqual([
      ['4', expect.any(String), 'key-4'],
      ['5', expect.any(String), 'key-5'],
      ['6', expect.any(String), 'key-6']
    ])
    await session.screenshot('grid-cells-selected')
  })

  it('reads rows it does not hold from the engine, up to 100,000 of them', async () => {
    await tab.clickRowNumber(0)
    await tab.scrollToFraction(0.5)
    await session.page.waitForTimeout(100)
    const far = (await firstVisibleRow()) + 2
    await tab.clickRowNumber(far, { shift: true })
    const viewportsBefore = viewportCalls().length
    const readsBefore = host.fake.callsOf('readRows').length
    const lines = (await tab.copy()).split('\n')
    expect(lines).toHaveLength(100_000)
    // a copy reads rows without moving the grid's viewport
    expect(host.fake.callsOf('readRows').length - readsBefore).toBeGreaterThanOrEqual(50)
    expect(viewportCalls().length).toBe(viewportsBefore)
    expect(lines[0].split('\t')[1]).toBe('0')
    expect(lines[99_999].split('\t')[1]).toBe('99999')
    expect(await tab.notice()).toContain('the first 100,000')
    await tab.scrollToFraction(0)
  })
})

describe('sorting and filtering in the engine', () => {
  it('sends sort keys: click cycles asc, desc, none; shift-click adds a key', async () => {
    await tab.clickHeader('KafkaOffset')
    expect(await tab.sortOf('KafkaOffset')).toBe('ascending')
    await tab.clickHeader('KafkaOffset')
    expect(await tab.sortOf('KafkaOffset')).toBe('descending')
    await tab.waitForCell(0, 'KafkaOffset', String(ROWS - 1))
    await tab.clickHeader('Key', { shift: true })
    expect(await tab.sortOf('Key')).toBe('ascending')
    await session.page.waitForTimeout(100)
    const specs = host.fake.callsOf('setViewSpec').map((c) => (c.args as { spec: { sort: unknown[] } }).spec.sort)
    expect(specs.at(-1)).toEqual([
      { column: 'KafkaOffset', direction: 'desc' },
      { column: 'Key', direction: 'asc' }
    ])
    await session.screenshot('grid-sorted-two-keys')
    await tab.clickHeader('KafkaOffset')
    await tab.clickHeader('Key')
    await tab.clickHeader('Key')
    await tab.clickHeader('Key')
    expect(await tab.sortOf('KafkaOffset')).toBe('none')
    expect(await tab.sortOf('Key')).toBe('none')
    await tab.waitForCell(0, 'KafkaOffset', '0')
  })

  it('sends a range filter and shows how many rows match', async () => {
    await tab.filterRange('KafkaOffset', '100', '199')
    await tab.waitForViewRowCount(100)
    await tab.waitForCell(0, 'KafkaOffset', '100')
    const filters = host.fake.callsOf('setViewSpec').map((c) => (c.args as { spec: { filters: unknown[] } }).spec.filters)
    expect(filters.at(-1)).toEqual([{ column: 'KafkaOffset', kind: 'range', min: '100', max: '199' }])
    expect(await tab.root.locator('.grid-footer .view-count').textContent()).toContain('100 rows of 10,000,000')
    await session.screenshot('grid-filtered')
    await tab.clearFilters()
    await tab.waitForViewRowCount(ROWS)
  })

  it('sends a time range in epoch nanoseconds, read as local time; an upper bound includes what it names', async () => {
    await tab.filterRange('KafkaTimestamp', '2026-11-25 00:00:01', '2026-11-25 00:00:01.5')
    await session.page.waitForTimeout(100)
    const filters = host.fake.callsOf('setViewSpec').map((c) => (c.args as { spec: { filters: unknown[] } }).spec.filters)
    const ns = (ms: number) => (BigInt(ms) * 1_000_000n).toString()
    expect(filters.at(-1)).toEqual([
      {
        column: 'KafkaTimestamp',
        kind: 'timeRange',
        min: ns(new Date(2026, 10, 25, 0, 0, 1).getTime()),
        max: (BigInt(ns(new Date(2026, 10, 25, 0, 0, 1, 501).getTime())) - 1n).toString()
      }
    ])
    await session.screenshot('grid-time-filter')
    await tab.clearFilters()
  })

  it('marks a bound that is not a number and leaves it out', async () => {
    await tab.filterRange('Price', 'abc', '')
    expect(await tab.filterCell('Price').getAttribute('class')).toContain('invalid')
    await tab.filterRange('Price', '', '')
  })
})

describe('columns', () => {
  it('resize by dragging the header edge', async () => {
    const header = tab.header('Key')
    const before = (await header.boundingBox())!
    await session.page.mouse.move(before.x + before.width - 1, before.y + before.height / 2)
    await session.page.mouse.down()
    await session.page.mouse.move(before.x + before.width + 120, before.y + before.height / 2, { steps: 5 })
    await session.page.mouse.up()
    const after = (await header.boundingBox())!
    expect(after.width).toBeGreaterThan(before.width + 100)
    const col = await tab.columnIndex('Key')
    const cell = (await tab.grid.locator(`.row[data-row="0"] .cell[data-col="${col}"]`).boundingBox())!
    expect(Math.abs(cell.width - after.width)).toBeLessThan(2)
    await session.screenshot('grid-column-resized')

    // narrowing ends the drag over the same header: that is not a click on it (no sort)
    await session.page.mouse.move(after.x + after.width - 1, after.y + after.height / 2)
    await session.page.mouse.down()
    await session.page.mouse.move(after.x + after.width - 80, after.y + after.height / 2, { steps: 5 })
    await session.page.mouse.up()
    expect((await header.boundingBox())!.width).toBeLessThan(after.width - 60)
    expect(await tab.sortOf('Key')).toBe('none')
  })
})
