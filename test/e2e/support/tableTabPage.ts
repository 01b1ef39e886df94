// Page module for one table tab: its header, grid, filter row and dialogs (see tablesPage.ts).
import type { Locator, Page } from 'playwright-core'

interface ScrollBox {
  scrollTop: number
  scrollHeight: number
  clientHeight: number
}

const number = (text: string | null): number => Number((text ?? '').replace(/[^\d-]/g, ''))

/** One table tab: its header, grid, filter row and dialogs. */
export class TableTabPage {
  readonly root: Locator

  constructor(
    readonly page: Page,
    readonly topic: string
  ) {
    this.root = page.locator(`.table-tab[data-topic="${topic}"]`)
  }

  get grid(): Locator {
    return this.root.locator('.table-grid')
  }

  /** What the header says the key and value are read with, whole (the shown text may be cut in the middle). */
  async sourceTitles(): Promise<string[]> {
    return Promise.all([0, 1].map(async (i) => (await this.root.locator('.specs b').nth(i).getAttribute('title')) ?? ''))
  }

  async state(): Promise<string | null> {
    return this.root.getAttribute('data-table-state')
  }

  async waitForState(state: string, timeout = 15_000): Promise<void> {
    await this.root.and(this.page.locator(`[data-table-state="${state}"]`)).waitFor({ timeout })
  }

  /** Rows in the view (after filters), from the grid's footer. */
  async viewRowCount(): Promise<number> {
    return number(await this.root.locator('.grid-footer .view-count b').textContent())
  }

  /** Rows in the table, from the tab header. */
  async tableRowCount(): Promise<number> {
    return number(await this.root.locator('.info-bar .row-count').textContent())
  }

  async waitForViewRowCount(expected: number | ((n: number) => boolean), timeout = 30_000): Promise<number> {
    const ok = typeof expected === 'number' ? (n: number) => n === expected : expected
    const deadline = Date.now() + timeout
    let last = -1
    while (Date.now() < deadline) {
      last = await this.viewRowCount()
      if (ok(last)) return last
      await this.page.waitForTimeout(100)
    }
    throw new Error(`view row count stayed ${last}, expected ${String(expected)}`)
  }

  async errorCount(): Promise<number> {
    return number(await this.root.locator('.errors-button').textContent())
  }

  columnIndex(name: string): Promise<number> {
    return this.grid
      .locator('.head-cell')
      .evaluateAll((cells, n) => cells.findIndex((c) => (c as unknown as { dataset: Record<string, string> }).dataset.column === n), name)
  }

  /** Text of a cell at a view position (the row must be rendered). */
  async cell(row: number, column: string): Promise<string> {
    const col = await this.columnIndex(column)
    return ((await this.grid.locator(`.row[data-row="${row}"] .cell[data-col="${col}"]`).textContent()) ?? '').trim()
  }

  /** Waits until the cell at `row` shows `text`. */
  async waitForCell(row: number, column: string, text: string, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout
    let last = ''
    while (Date.now() < deadline) {
      last = await this.cell(row, column).catch(() => '')
      if (last === text) return
      await this.page.waitForTimeout(50)
    }
    throw new Error(`cell ${column}@${row} shows '${last}', expected '${text}'`)
  }

  /** The values of a column in the rendered rows, top to bottom (loaded rows only). */
  async columnValues(column: string): Promise<string[]> {
    const col = await this.columnIndex(column)
    return this.grid.locator(`.row:not(.loading) .cell[data-col="${col}"]`).evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()))
  }

  /** View positions of the rendered rows. */
  async renderedRows(): Promise<number[]> {
    return this.grid.locator('.row').evaluateAll((rows) => rows.map((r) => Number((r as unknown as { dataset: Record<string, string> }).dataset.row)))
  }

  async domRowCount(): Promise<number> {
    return this.grid.locator('.row').count()
  }

  // --- sorting and filters ---------------------------------------------------------------------------------

  header(column: string): Locator {
    return this.grid.locator(`.head-cell[data-column="${column}"]`)
  }

  async clickHeader(column: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.header(column).click({ modifiers: options.shift ? ['Shift'] : [], position: { x: 12, y: 12 } })
  }

  async sortOf(column: string): Promise<string | null> {
    return this.header(column).getAttribute('aria-sort')
  }

  filterCell(column: string): Locator {
    return this.grid.locator(`.filter-cell[data-filter="${column}"]`)
  }

  async filterText(column: string, text: string, mode: 'contains' | 'equals' = 'contains'): Promise<void> {
    await this.filterMode(column, mode)
    await this.filterCell(column).locator('input.f-text').fill(text)
    await this.filterCell(column).locator('input.f-text').press('Enter')
  }

  async filterRange(column: string, min: string, max: string): Promise<void> {
    const cell = this.filterCell(column)
    await cell.locator('input.f-min').fill(min)
    await cell.locator('input.f-max').fill(max)
    await cell.locator('input.f-max').press('Enter')
  }

  async filterMode(column: string, mode: string): Promise<void> {
    await this.filterCell(column).locator('select.f-mode').selectOption(mode)
  }

  /** The grid's column names, in order (hidden ones left out). */
  async headerNames(): Promise<string[]> {
    return this.grid.locator('.head-cell[data-column]').evaluateAll((cells) => cells.map((c) => (c as unknown as { dataset: { column: string } }).dataset.column))
  }

  /** Shows or hides a column through the Columns menu. */
  async toggleColumn(column: string): Promise<void> {
    const button = this.root.locator('[data-action="columns"]')
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
    await this.root.locator(`.column-chooser [data-column="${column}"] input`).click()
    await button.click()
  }

  async filterInput(column: string): Promise<{ mode: string; text: string; min: string; max: string }> {
    const cell = this.filterCell(column)
    const value = async (selector: string) => ((await cell.locator(selector).count()) ? await cell.locator(selector).inputValue() : '')
    return { mode: await value('select.f-mode'), text: await value('input.f-text'), min: await value('input.f-min'), max: await value('input.f-max') }
  }

  async clearFilters(): Promise<void> {
    await this.root.locator('.filter-summary button').click()
  }

  // --- controls ------------------------------------------------------------------------------------------

  async pause(): Promise<void> {
    await this.root.locator('button.pause').click()
    await this.waitForState('paused')
  }

  async resume(): Promise<void> {
    await this.root.locator('button.resume').click()
    await this.waitForState('running')
  }

  async stop(): Promise<void> {
    await this.root.locator('button.stop').click()
    await this.waitForState('stopped')
  }

  /** Opens the error list and reads its rows. */
  async openErrorList(): Promise<{ partition: string; offset: string; field: string; reason: string }[]> {
    await this.root.locator('.errors-button').click()
    const table = this.page.locator('.error-list')
    await table.waitFor()
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const tds = (r as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td')
        const cells = Array.from(tds, (c) => (c.textContent ?? '').trim())
        return { partition: cells[0], offset: cells[1], field: cells[2], reason: cells[3] }
      })
    )
  }

  async closeDialog(): Promise<void> {
    await this.page.locator('.dialog button.close').click()
    await this.page.locator('.dialog').waitFor({ state: 'detached' })
  }

  // --- scrolling, selection, copy -------------------------------------------------------------------------

  async focusGrid(): Promise<void> {
    await this.grid.focus()
  }

  /** Drags the scrollbar thumb to a fraction of its track (0 = top, 1 = bottom), like a user would. */
  async scrollToFraction(fraction: number): Promise<void> {
    await this.grid.locator('.row-scrollbar').evaluate((el, f) => {
      const box = el as unknown as ScrollBox
      box.scrollTop = (box.scrollHeight - box.clientHeight) * f
    }, fraction)
  }

  async scrollMetrics(): Promise<ScrollBox & { spacer: number }> {
    return this.grid.locator('.row-scrollbar').evaluate((el) => {
      const box = el as unknown as ScrollBox & { querySelector(s: string): { offsetHeight: number } }
      return { scrollTop: box.scrollTop, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight, spacer: box.querySelector('.spacer').offsetHeight }
    })
  }

  /** Turns the mouse wheel over the rows (deltaX: a sideways swipe; shift: a mouse wheel with Shift held). */
  async wheel(deltaY: number, times = 1, options: { deltaX?: number; shift?: boolean } = {}): Promise<void> {
    const box = await this.grid.locator('.rows-layer').boundingBox()
    if (!box) throw new Error('grid not visible')
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    if (options.shift) await this.page.keyboard.down('Shift')
    for (let i = 0; i < times; i++) await this.page.mouse.wheel(options.deltaX ?? 0, deltaY)
    if (options.shift) await this.page.keyboard.up('Shift')
  }

  /** Drags a finger over the rows by deltaY px (negative: up), in steps, on an emulated touch screen. */
  async touchDrag(deltaY: number, steps = 10): Promise<void> {
    const box = await this.grid.locator('.rows-layer').boundingBox()
    if (!box) throw new Error('grid not visible')
    const cdp = await this.page.context().newCDPSession(this.page)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 })
    const x = box.x + box.width / 2
    const y0 = box.y + box.height / 2
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
    await touch('touchStart', y0)
    for (let i = 1; i <= steps; i++) await touch('touchMove', y0 + (deltaY * i) / steps)
    await touch('touchEnd', y0 + deltaY)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
    await cdp.detach()
  }

  /** How far the header and the rows are scrolled sideways, and where the first row number and first cell are drawn. */
  async sideways(): Promise<{ scrollLeft: number; headerX: number; cellX: number; gutterX: number }> {
    const scrollLeft = await this.grid.locator('.columns-viewport').evaluate((el) => (el as unknown as { scrollLeft: number }).scrollLeft)
    const x = async (selector: string) => (await this.grid.locator(selector).first().boundingBox())?.x ?? Number.NaN
    return { scrollLeft, headerX: await x('.head-cell'), cellX: await x('.row .cell'), gutterX: await x('.row .gutter') }
  }

  async clickCell(row: number, column: string, options: { shift?: boolean } = {}): Promise<void> {
    const col = await this.columnIndex(column)
    await this.grid.locator(`.row[data-row="${row}"] .cell[data-col="${col}"]`).click({ modifiers: options.shift ? ['Shift'] : [] })
  }

  async clickRowNumber(row: number, options: { shift?: boolean } = {}): Promise<void> {
    await this.grid.locator(`.row[data-row="${row}"] .gutter`).click({ modifiers: options.shift ? ['Shift'] : [] })
  }

  /** Ctrl+C (with Shift: headers too) and what landed on the clipboard. */
  async copy(options: { withHeader?: boolean } = {}): Promise<string> {
    const SENTINEL = '\u0000nothing copied'
    await this.page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), SENTINEL)
    await this.page.keyboard.press(options.withHeader ? 'Control+Shift+C' : 'Control+C')
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      const text = await this.page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())
      if (text !== SENTINEL) return text
      await this.page.waitForTimeout(50)
    }
    throw new Error('nothing was copied')
  }

  async notice(): Promise<string> {
    return ((await this.root.locator('.grid-footer .notice').textContent()) ?? '').trim()
  }
}
