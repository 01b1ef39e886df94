// Page module for the schema-registry browser: specs say what they do ("search", "select a subject", "diff
// v1 and v2") and read what the user sees; the selectors live here. Also a second engine client to create
// profiles behind the page's back. Page code is typed without DOM types (tsconfig.node).
import type { Locator, Page } from 'playwright-core'
import { WebSocket } from 'ws'
import { profiles } from '../../../src/shared/contracts/profiles'
import { createClient } from '../../../src/shared/ipc/client'
import { createWebSocketClientTransport, type WebSocketConstructor } from '../../../src/shared/ipc/webSocketClientTransport'
import type { ProfileDto, SaveProfileArgs } from '../../../src/shared/model/profiles'

export interface DiffLineView {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export class RegistryPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.locator('[data-section="registry"]')
  }

  async open(): Promise<void> {
    await this.page.waitForSelector('[data-app-state="ready"]')
    await this.page.click('[data-rail="registry"]')
    await this.section.waitFor()
  }

  /** Leaves for the tables section and comes back (the section reloads its profiles). */
  async reopen(): Promise<void> {
    await this.page.click('[data-rail="tables"]')
    await this.open()
  }

  async activeSection(): Promise<string | null> {
    return this.page.locator('[data-rail][aria-pressed="true"]').getAttribute('data-rail')
  }

  noRegistryMessage(): Locator {
    return this.section.locator('[data-no-registry]')
  }

  async goToConnections(): Promise<void> {
    await this.section.locator('[data-go-connections]').click()
  }

  async selectedProfile(): Promise<string> {
    return this.section.locator('[data-profile-picker]').inputValue()
  }

  /** Picks a profile by its name in the profile picker. */
  async pickProfile(name: string): Promise<void> {
    await this.section.locator('[data-profile-picker]').selectOption({ label: name })
  }

  /** The error shown instead of the subject list. */
  async subjectsError(): Promise<string> {
    const error = this.section.locator('[data-subjects-error]')
    await error.waitFor()
    return ((await error.textContent()) ?? '').trim()
  }

  async search(text: string): Promise<void> {
    await this.section.locator('[data-subject-search]').fill(text)
  }

  /** The subjects listed (after the search): name, type badge, latest version. */
  async subjects(): Promise<{ subject: string; type: string; latest: string }[]> {
    await this.section.locator('[data-subject-count]').filter({ hasNotText: 'Loading' }).waitFor()
    const items = this.section.locator('[data-subject]')
    const out: { subject: string; type: string; latest: string }[] = []
    for (const item of await items.all()) {
      out.push({
        subject: (await item.getAttribute('data-subject')) ?? '',
        type: (await item.locator('[data-schema-type]').textContent()) ?? '',
        latest: (await item.locator('[data-latest-version]').textContent()) ?? ''
      })
    }
    return out
  }

  async selectSubject(subject: string): Promise<void> {
    await this.section.locator(`[data-subject="${subject}"]`).click()
    await this.detail(subject).locator('[data-schema-code]').waitFor()
  }

  detail(subject?: string): Locator {
    return this.section.locator(subject ? `[data-selected-subject="${subject}"]` : '[data-selected-subject]')
  }

  async versions(): Promise<string[]> {
    return this.detail().locator('[data-versions] [data-version]').allTextContents().then((t) => t.map((s) => s.trim()))
  }

  async compatibility(): Promise<string> {
    return ((await this.detail().locator('[data-compatibility]').textContent()) ?? '').trim()
  }

  async showVersion(version: number): Promise<void> {
    await this.detail().locator(`[data-version="${version}"]`).click()
    await this.detail().locator('[data-schema-meta]').filter({ hasText: `Version ${version} ` }).waitFor()
  }

  /** The shown schema text, line by line, as the user reads it (without line numbers). */
  async schemaLines(): Promise<string[]> {
    return this.detail().locator('[data-schema-code] .line-text').allTextContents()
  }

  /** Token kinds of the highlighted schema, e.g. ['tok-key:"name"', ...]. */
  async highlightedTokens(kind: string): Promise<string[]> {
    return this.detail().locator(`[data-schema-code] .tok-${kind}`).allTextContents()
  }

  references(): Locator {
    return this.detail().locator('[data-reference]')
  }

  async followReference(subject: string): Promise<void> {
    await this.detail().locator(`[data-reference="${subject}"]`).click()
    await this.detail(subject).locator('[data-schema-code]').waitFor()
  }

  async diff(from: number, to: number): Promise<DiffLineView[]> {
    await this.detail().locator('[data-view="diff"]').click()
    await this.detail().locator('[data-diff-a]').selectOption(String(from))
    await this.detail().locator('[data-diff-b]').selectOption(String(to))
    const body = this.detail().locator('[data-schema-diff]')
    await body.waitFor()
    const rows = body.locator('[data-diff-line]')
    const out: DiffLineView[] = []
    for (const row of await rows.all()) {
      out.push({ kind: (await row.getAttribute('data-diff-line')) as DiffLineView['kind'], text: (await row.locator('.line-text').textContent()) ?? '' })
    }
    return out
  }

  async diffStats(): Promise<string> {
    return ((await this.detail().locator('[data-diff-stats]').textContent()) ?? '').replace(/\s+/g, ' ').trim()
  }

  async openTableWithSchema(): Promise<void> {
    await this.detail().locator('[data-open-table]').click()
  }
}

/** A profiles client of the app's engine (same token as the page), to create profiles for a test. */
export function connectProfiles(appUrl: string): { save(args: SaveProfileArgs): Promise<ProfileDto>; close(): void } {
  const url = new URL(appUrl)
  const token = url.searchParams.get('token') ?? ''
  const transport = createWebSocketClientTransport(`ws://${url.host}/?token=${encodeURIComponent(token)}`, {
    WebSocket: WebSocket as unknown as WebSocketConstructor
  })
  const client = createClient(transport, { profiles })
  return { save: (args) => client.profiles.saveProfile(args), close: () => transport.close() }
}
