// Page module for the consume editor (the "+ New table" tab): profile, topic, spec editors, preview, presets.
import type { Locator, Page } from 'playwright-core'
import { TableTabPage } from './tableTabPage'

export class ConsumeEditorPage {
  readonly form: Locator

  constructor(readonly page: Page) {
    this.form = page.locator('form.open-form')
  }

  async show(): Promise<void> {
    await this.page.click('.tab.open-tab')
    await this.form.waitFor({ state: 'visible' })
  }

  async useProfile(profileId: string): Promise<void> {
    await this.form.locator('select.connection-kind').selectOption('profile')
    await this.form.locator('select[name=profile]').selectOption(profileId)
  }

  /** Picks an option of a segmented radio group by clicking its label (the radio itself is hidden). */
  async choose(name: string, value: string): Promise<void> {
    await this.form.locator(`label:has(> input[name=${name}][value=${value}])`).click()
  }

  /** Pastes a Deephaven Python snippet, translates it and returns what the dialog reports, before applying it. */
  async pasteSnippet(text: string): Promise<{ summary: string; unmapped: string; notes: string }> {
    await this.form.locator('.paste-snippet').click()
    const dialog = this.page.locator('[data-snippet-input]')
    await dialog.fill(text)
    await this.page.locator('[data-snippet-translate]').click()
    await this.page.locator('[data-snippet-summary]').waitFor()
    const text_ = async (selector: string) => ((await this.page.locator(selector).count()) ? ((await this.page.locator(selector).textContent()) ?? '') : '')
    return { summary: await text_('[data-snippet-summary]'), unmapped: await text_('[data-snippet-unmapped]'), notes: await text_('[data-snippet-notes]') }
  }

  async applySnippet(): Promise<void> {
    await this.page.locator('[data-snippet-apply]').click()
    await this.page.locator('[data-snippet-input]').waitFor({ state: 'detached' })
  }

  async setTopic(topic: string): Promise<void> {
    await this.form.locator('input[name=topic]').fill(topic)
  }

  spec(which: 'key' | 'value'): Locator {
    return this.form.locator(`[data-spec=${which}]`)
  }

  async setSpecKind(which: 'key' | 'value', kind: 'ignore' | 'simple' | 'json' | 'avro' | 'protobuf' | 'jsonObject' | 'fromProperties'): Promise<void> {
    await this.spec(which).locator('select.spec-kind').selectOption(kind)
  }

  /** Fetches a sample value from the topic and waits for its fields. */
  async fetchSample(which: 'key' | 'value' = 'value'): Promise<void> {
    await this.spec(which).locator('button.fetch-sample').click()
    await this.spec(which).locator('.sample-field').first().waitFor({ timeout: 20_000 })
  }

  async clickSampleField(pointer: string, which: 'key' | 'value' = 'value'): Promise<void> {
    await this.spec(which).locator(`.sample-field[data-pointer="${pointer}"]`).click()
  }

  async jsonColumns(which: 'key' | 'value' = 'value'): Promise<{ name: string; type: string; pointer: string }[]> {
    const rows = this.spec(which).locator('.json-columns tbody tr')
    const out: { name: string; type: string; pointer: string }[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i)
      out.push({ name: await row.locator('.json-name').inputValue(), type: await row.locator('.json-type').inputValue(), pointer: await row.locator('.json-pointer').inputValue() })
    }
    return out
  }

  async setAvroSubject(subject: string, version = 'latest'): Promise<void> {
    const spec = this.spec('value')
    await spec.locator('input.subject').fill(subject)
    // the version becomes a list once the registry has answered for the subject; a text input while it cannot
    const picker = spec.locator('select.version')
    const listed = await picker.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false
    )
    if (listed) await picker.selectOption(version)
    else await spec.locator('input.version').fill(version)
  }

  async preview(): Promise<Locator> {
    await this.form.locator('button.preview-button').click()
    const panel = this.page.locator('[data-preview]')
    await panel.waitFor({ timeout: 30_000 })
    return panel
  }

  async previewColumns(): Promise<string[]> {
    return this.page.locator('[data-preview] thead th').evaluateAll((ths) => ths.map((th) => (th as unknown as { dataset: { column: string } }).dataset.column))
  }

  async previewRows(): Promise<string[][]> {
    return this.page
      .locator('[data-preview] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string }> }).cells, (td) => td.textContent.trim())))
  }

  /** Submits the form and waits for the table's tab. */
  async open(topic: string): Promise<TableTabPage> {
    await this.form.locator('button[type=submit]').click()
    const tab = new TableTabPage(this.page, topic)
    await tab.root.waitFor({ state: 'visible', timeout: 30_000 })
    return tab
  }

  async summary(): Promise<string> {
    const summary = this.form.locator('[data-summary]')
    return (await summary.count()) ? ((await summary.textContent()) ?? '') : ''
  }

  async savePreset(name: string): Promise<void> {
    await this.form.locator('button.save-preset-button').click()
    await this.form.locator('input[name=presetName]').fill(name)
    await this.form.locator('button.save-preset-confirm').click()
  }

  preset(name: string): Locator {
    return this.page.locator(`[data-presets] li[data-preset="${name}"]`)
  }

  async openPreset(name: string, topic: string): Promise<TableTabPage> {
    await this.preset(name).locator('.preset-open').click()
    const tab = new TableTabPage(this.page, topic)
    await tab.root.waitFor({ state: 'visible', timeout: 30_000 })
    return tab
  }
}
