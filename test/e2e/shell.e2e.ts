import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type AppSession } from './support/appPage'

let app: AppSession
beforeAll(async () => {
  app = await openApp()
})
afterAll(() => app?.close())

describe('the app in Chromium over the browser host', () => {
  it('connects to the engine, which runs in a worker thread', async () => {
    await app.page.waitForSelector('[data-app-state="ready"]')
    await expect(app.page.textContent('.engine-info')).resolves.toContain('worker thread')
    await app.screenshot('shell-ready')
  })

  it('exposes no Node or Electron internals to the page', async () => {
    const exposed = await app.page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>
      return { require: typeof w.require, process: typeof w.process, ipcRenderer: typeof w.ipcRenderer, module: typeof w.module }
    })
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', module: 'undefined' })
  })

  it('refuses a WebSocket without the token', async () => {
    const url = new URL(app.host.url)
    const refused = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://${url.host}/`)
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      socket.on('open', () => resolve(101))
      socket.on('error', () => undefined)
    })
    expect(refused).toBe(401)
  })
})
