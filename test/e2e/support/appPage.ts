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

/** The built app served by the browser host, and a Chromium page on it. */
export interface AppSession {
  host: BrowserHost
  browser: Browser
  page: Page
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export async function openApp(options: { width?: number; height?: number } = {}): Promise<AppSession> {
  const host = await startBrowserHost({ rendererDir: join(root, 'out/renderer'), workerEntry: join(root, 'out/main/engineWorker.js') })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } })
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`))
  await page.goto(host.url)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return {
    host,
    browser,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      await browser.close()
      await host.close()
    }
  }
}
