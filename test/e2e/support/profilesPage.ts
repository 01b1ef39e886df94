// Page module for the Connections section (profile list, editor, Test connection) and its topic browser.
// Specs say what they do ("create a profile", "test it"); the selectors live here.
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from 'playwright-core'

export interface ProfileFields {
  name: string
  bootstrap: string
  securityProtocol?: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL'
  saslMechanism?: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'
  username?: string
  password?: string
  registryUrl?: string
  extraProperties?: { key: string; value: string }[]
}

export interface ReportView {
  ok: boolean
  checks: Record<string, { status: string; failure: string | null; detail: string }>
  brokers: string
  clusterId: string
  version: string
}

export class ProfilesPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.locator('[data-section="connections"]')
  }

  get editor(): Locator {
    return this.page.locator('[data-editor="profile"]')
  }

  async show(): Promise<void> {
    await this.page.waitForSelector('[data-app-state="ready"]')
    await this.page.click('[data-rail="connections"]')
    await this.section.waitFor()
  }

  async newProfile(): Promise<void> {
    await this.page.click('[data-action="new-profile"]')
    await this.editor.waitFor()
  }

  async fill(fields: ProfileFields): Promise<void> {
    const e = this.editor
    await e.locator('input[name=name]').fill(fields.name)
    await e.locator('input[name=bootstrapServers]').fill(fields.bootstrap)
    if (fields.securityProtocol) await e.locator('select[name=securityProtocol]').selectOption(fields.securityProtocol)
    if (fields.saslMechanism) await e.locator('select[name=saslMechanism]').selectOption(fields.saslMechanism)
    if (fields.username !== undefined) await e.locator('input[name=saslUsername]').fill(fields.username)
    if (fields.password !== undefined) await this.setPassword(fields.password)
    if (fields.registryUrl !== undefined) await e.locator('input[name=registryUrl]').fill(fields.registryUrl)
    for (const [index, row] of (fields.extraProperties ?? []).entries()) {
      await e.locator('[data-action="add-property"]').click()
      const r = e.locator(`[data-row="${index}"]`)
      await r.locator('input[name=extra-key]').fill(row.key)
      await r.locator('input[name=extra-value]').fill(row.value)
    }
  }

  /** The registry URL with basic auth (or none without a user name). */
  async setRegistry(url: string, basic?: { username: string; password: string }): Promise<void> {
    const e = this.editor
    await e.locator('input[name=registryUrl]').fill(url)
    await e.locator(`input[name=registryAuth][value=${basic ? 'basic' : 'none'}]`).check({ force: true })
    if (basic) {
      await e.locator('input[name=registryUsername]').fill(basic.username)
      await e.locator('input[name=registryPassword]').fill(basic.password)
    }
  }

  /** Loads a PEM field (caPem, clientCertPem) from a file through its "From file…" input. */
  async pemFromFile(name: string, path: string): Promise<string> {
    await this.editor.locator(`input[name=${name}-file]`).setInputFiles(path)
    const area = this.editor.locator(`textarea[name=${name}]`)
    await this.page.waitForFunction((el) => (el as { value: string }).value !== '', await area.elementHandle())
    return area.inputValue()
  }

  async setPassword(password: string): Promise<void> {
    await this.editor.locator('input[name=saslPassword]').fill(password)
  }

  /** Saves and waits until the list shows the profile selected. */
  async save(name: string): Promise<void> {
    await this.editor.locator('[data-action="save"]').click()
    await this.page.locator(`[data-profile-item="${name}"].selected`).waitFor()
  }

  async select(name: string): Promise<void> {
    await this.page.click(`[data-profile-item="${name}"]`)
    await this.page.locator(`[data-profile-item="${name}"].selected`).waitFor()
  }

  profileNames(): Promise<string[]> {
    return this.page.locator('[data-profile-item] .name').allTextContents()
  }

  /** Clicks Test connection and reads the report once it is shown. */
  async testConnection(): Promise<ReportView> {
    const runs = Number((await this.editor.getAttribute('data-test-runs')) ?? '0')
    await this.editor.locator('[data-action="test"]').click()
    await this.page.locator(`[data-editor="profile"][data-test-runs="${runs + 1}"]`).waitFor({ timeout: 20_000 })
    const report = this.page.locator('.connection-report')
    await report.waitFor()
    const checks: ReportView['checks'] = {}
    for (const li of await report.locator('[data-check]').all()) {
      const id = (await li.getAttribute('data-check')) ?? ''
      const failure = li.locator('[data-failure]')
      checks[id] = {
        status: (await li.getAttribute('data-status')) ?? '',
        failure: (await failure.count()) > 0 ? await failure.textContent() : null,
        detail: (await li.locator('.detail').textContent()) ?? ''
      }
    }
    const fact = async (name: string) => ((await report.locator(`[data-fact="${name}"]`).count()) > 0 ? ((await report.locator(`[data-fact="${name}"]`).textContent()) ?? '') : '')
    return {
      ok: (await report.getAttribute('data-report')) === 'ok',
      checks,
      brokers: await fact('brokers'),
      clusterId: await fact('cluster-id'),
      version: await fact('version')
    }
  }

  async secretPlaceholder(name: string): Promise<string | null> {
    return this.editor.locator(`[name=${name}]`).getAttribute('placeholder')
  }

  secretStorageNotice(): Promise<string | null> {
    return this.editor.locator('[data-notice="secret-storage"]').textContent()
  }

  async duplicate(): Promise<void> {
    await this.editor.locator('[data-action="duplicate"]').click()
  }

  async delete(name: string): Promise<void> {
    await this.editor.locator('[data-action="delete"]').click()
    await this.page.locator('[data-confirm="delete"]').waitFor()
    await this.page.click('[data-action="confirm-delete"]')
    await this.page.locator(`[data-profile-item="${name}"]`).waitFor({ state: 'detached' })
  }

  /** Clicks Export and returns the downloaded file's text. */
  async exportText(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click('[data-action="export"]')])
    const path = await download.path()
    return readFile(path, 'utf8')
  }

  /** Imports `text` as a file; returns the import report's text. */
  async importText(text: string): Promise<string> {
    await this.page.locator('input[name=import-file]').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    const report = this.page.locator('[data-notice="import-report"]')
    await report.waitFor()
    return (await report.textContent()) ?? ''
  }

  // --- topic browser ----------------------------------------------------------------------------------

  async showTopics(): Promise<void> {
    await this.page.click('[data-pane-tab="topics"]')
    await this.page.locator('[data-topic-browser]').waitFor()
  }

  async searchTopics(text: string): Promise<string[]> {
    await this.page.locator('input[name=topic-search]').fill(text)
    return this.page.locator('[data-topic] td:first-child').allTextContents()
  }

  async waitForTopic(name: string): Promise<void> {
    await this.page.locator(`[data-topic="${name}"]`).waitFor()
  }

  topicRow(name: string): Locator {
    return this.page.locator(`[data-topic="${name}"]`)
  }

  /** Opens a topic's details and returns [partition, first, last, messages] per partition. */
  async topicDetails(name: string): Promise<string[][]> {
    await this.topicRow(name).click()
    const details = this.page.locator(`[data-topic-details="${name}"]`)
    await details.locator('[data-partition]').first().waitFor()
    const rows: string[][] = []
    for (const row of await details.locator('[data-partition]').all()) {
      rows.push([
        (await row.getAttribute('data-partition')) ?? '',
        (await row.locator('[data-cell=first]').textContent()) ?? '',
        (await row.locator('[data-cell=last]').textContent()) ?? '',
        (await row.locator('[data-cell=messages]').textContent()) ?? ''
      ])
    }
    return rows
  }

  async openTable(): Promise<void> {
    await this.page.click('[data-action="open-table"]')
  }
}
