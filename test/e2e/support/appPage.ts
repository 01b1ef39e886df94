import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBrowserHost, type BrowserHost } from '../../../src/main/host/browserHost'

const root = join(__dirname, '../../..')
export const SCREENSHOT_DIR = join(root, 'test-results/e2e')

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

export interface PageOptions {
  width?: number
  height?: number
}

/** A Chromium page on a URL (clipboard allowed, so copy tests can read what the app wrote). */
export interface PageSession {
  browser: Browser
  page: Page
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/** The built app served by the browser host, and a Chromium page on it. */
export interface AppSession extends PageSession {
  host: BrowserHost
}

export async function openPage(url: string, options: PageOptions = {}): Promise<PageSession> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    permissions: ['clipboard-read', 'clipboard-write']
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') process.stderr.write(`[page ${message.type()}] ${message.text()}\n`)
  })
  await page.goto(url)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return {
    browser,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      await browser.close()
    }
  }
}

export interface AppOptions extends PageOptions {
  /** The host's user-data folder (profiles, presets, workspaces); pass the same one to "restart" the app. */
  userDataDir?: string
}

export async function openApp(options: AppOptions = {}): Promise<AppSession> {
  const host = await startBrowserHost({
    rendererDir: join(root, 'out/renderer'),
    workerEntry: join(root, 'out/main/engineWorker.js'),
    userDataDir: options.userDataDir
  })
  let session: PageSession
  try {
    session = await openPage(host.url, options)
  } catch (e) {
    await host.close()
    throw e
  }
  return {
    ...session,
    host,
    async close() {
      await session.close()
      await host.close()
    }
  }
}
