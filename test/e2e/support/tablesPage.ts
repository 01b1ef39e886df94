// Page module for the table tabs: specs say what they do ("open a table", "sort by Value") and read what the
// user sees; the selectors live here. Page code is typed without DOM types (tsconfig.node), hence the casts.
import type { Locator, Page } from 'playwright-core'
import { TableTabPage } from './tableTabPage'

export { TableTabPage }

export type OffsetsMode = 'beginning' | 'end' | 'latest'
export type SimpleType = 'string' | 'int16' | 'int32' | 'int64' | 'float32' | 'float64' | 'bool' | 'bytes' | 'timestamp'
export type SpecChoice = 'ignore' | { column: string; type: SimpleType }

export interface OpenTableOptions {
  bootstrap: string
  topic: string
  offsets?: OffsetsMode
  key?: SpecChoice
  value?: SpecChoice
  tableType?: 'append' | 'blink' | { ring: number }
  extraProperties?: string
}

export class TablesPage {
  constructor(readonly page: Page) {}

  async waitReady(): Promise<void> {
    await this.page.waitForSelector('[data-app-state="ready"]')
  }

  // --- opening --------------------------------------------------------------------------------------------

  async showOpenForm(): Promise<void> {
    await this.page.click('.tab.open-tab')
    await this.page.waitForSelector('form.open-form', { state: 'visible' })
  }

  /** Fills the form and submits it; does not wait for the outcome. */
  async submitOpenForm(options: OpenTableOptions): Promise<void> {
    await this.showOpenForm()
    const form = this.page.locator('form.open-form')
    await form.locator('select.connection-kind').selectOption('adhoc')
    await form.locator('input[name=bootstrap]').fill(options.bootstrap)
    await form.locator('input[name=topic]').fill(options.topic)
    await form.locator(`input[name=offsets][value=${options.offsets ?? 'beginning'}]`).check({ force: true })
    await this.setSpec('key', options.key ?? 'ignore')
    await this.setSpec('value', options.value ?? { column: 'Value', type: 'string' })
    const tableType = options.tableType ?? 'append'
    await form.locator(`input[name=tableType][value=${typeof tableType === 'string' ? tableType : 'ring'}]`).check({ force: true })
    if (typeof tableType === 'object') await form.locator('input[name=ringCapacity]').fill(String(tableType.ring))
    if (options.extraProperties !== undefined) {
      if ((await form.locator('textarea[name=extraProperties]').count()) === 0) await form.getByText('More Kafka properties').click()
      await form.locator('textarea[name=extraProperties]').fill(options.extraProperties)
    }
    await form.locator('button[type=submit]').click()
  }

  private async setSpec(which: 'key' | 'value', spec: SpecChoice): Promise<void> {
    const box = this.page.locator(`form.open-form [data-spec=${which}]`)
    await box.locator('select.spec-kind').selectOption(spec === 'ignore' ? 'ignore' : 'simple')
    if (spec === 'ignore') return
    await box.locator('input.spec-column').fill(spec.column)
    await box.locator('select.spec-type').selectOption(spec.type)
  }

  /** Opens a table and waits for its tab. */
  async openTable(options: OpenTableOptions): Promise<TableTabPage> {
    await this.submitOpenForm(options)
    const tab = this.tab(options.topic)
    await tab.root.waitFor({ state: 'visible', timeout: 30_000 })
    return tab
  }

  /** The error panel next to the form after a failed open. */
  openError(): Locator {
    return this.page.locator('.open-error')
  }

  tab(topic: string): TableTabPage {
    return new TableTabPage(this.page, topic)
  }

  tabButton(topic: string): Locator {
    return this.page.locator(`.tab-strip .tab[data-tab="${topic}"]`)
  }

  async closeTab(topic: string): Promise<void> {
    await this.tabButton(topic).locator('.tab-close').click()
    await this.tabButton(topic).waitFor({ state: 'detached' })
  }

  /** Tab titles in the strip, in order. */
  async tabTitles(): Promise<string[]> {
    return this.page.locator('.tab-strip .tab[data-tab]').evaluateAll((tabs) => tabs.map((t) => (t as unknown as { dataset: { tab: string } }).dataset.tab))
  }

  async activeTabTitle(): Promise<string | null> {
    return this.page.locator('.tab-strip .tab.active[data-tab]').getAttribute('data-tab')
  }

  async engineInfoText(): Promise<string> {
    return (await this.page.textContent('.engine-info')) ?? ''
  }
}
