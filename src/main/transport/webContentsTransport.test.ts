import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Transport } from '../../shared/ipc/transport'
import { createWebContentsTransport, serveWebContents, type IpcMessageEvent, type WebContentsTransportOptions } from './webContentsTransport'

const CHANNEL = 'app:rpc'
const APP_URL = 'app://topic-tables/index.html'

/** Stands in for Electron's WebContents: an EventEmitter that records what is sent to the renderer. */
class FakeWebContents extends EventEmitter {
  readonly sent: Array<[string, unknown]> = []
  destroyed = false

  send(channel: string, message: unknown) {
    this.sent.push([channel, message])
  }

  isDestroyed() {
    return this.destroyed
  }

  destroy() {
    this.destroyed = true
    this.emit('destroyed')
  }

  navigate(details: { isMainFrame: boolean; isSameDocument: boolean }) {
    this.emit('did-start-navigation', details)
  }
}

function setup() {
  const contents = new FakeWebContents()
  const ipcMain = new EventEmitter()
  const options: WebContentsTransportOptions = {
    contents,
    ipcMain,
    channel: CHANNEL,
    isAllowedOrigin: (url) => url.startsWith('app://topic-tables/')
  }
  const fromRenderer = (message: unknown, event: Partial<IpcMessageEvent> = {}) =>
    ipcMain.emit(CHANNEL, { sender: contents, senderFrame: { url: APP_URL }, ...event }, message)
  return { contents, ipcMain, options, fromRenderer }
}

function received(transport: Transport): unknown[] {
  const messages: unknown[] = []
  transport.onMessage((message) => messages.push(message))
  return messages
}

describe('createWebContentsTransport', () => {
  it('sends on the channel to its webContents, and stops once destroyed', () => {
    const { contents, options } = setup()
    const transport = createWebContentsTransport(options)
    transport.send({ t: 'ok', id: 1, v: 2 })
    contents.destroyed = true
    transport.send({ t: 'ok', id: 2, v: 2 })
    expect(contents.sent).toEqual([[CHANNEL, { t: 'ok', id: 1, v: 2 }]])
  })

  it('takes messages only from its own webContents and an allowed origin', () => {
    const { options, fromRenderer } = setup()
    const messages = received(createWebContentsTransport(options))
    fromRenderer('mine')
    fromRenderer('other window', { sender: new FakeWebContents() })
    fromRenderer('foreign frame', { senderFrame: { url: 'https://evil.example/' } })
    fromRenderer('frame gone', { senderFrame: null })
    expect(messages).toEqual(['mine'])
  })

  it.each([
    ['the webContents is destroyed', (contents: FakeWebContents) => contents.destroy()],
    ['the renderer process dies', (contents: FakeWebContents) => contents.emit('render-process-gone')],
    ['the main frame loads another document', (contents: FakeWebContents) => contents.navigate({ isMainFrame: true, isSameDocument: false })]
  ])('closes, and stops listening, when %s', (_when, end) => {
    const { contents, ipcMain, options } = setup()
    const transport = createWebContentsTransport(options)
    const onClose = vi.fn()
    transport.onClose(onClose)
    end(contents)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(ipcMain.listenerCount(CHANNEL)).toBe(0)
    expect(contents.listenerCount('did-start-navigation') + contents.listenerCount('render-process-gone')).toBe(0)
  })

  it('stays open for in-page and subframe navigations', () => {
    const { contents, options } = setup()
    const transport = createWebContentsTransport(options)
    const onClose = vi.fn()
    transport.onClose(onClose)
    contents.navigate({ isMainFrame: true, isSameDocument: true })
    contents.navigate({ isMainFrame: false, isSameDocument: false })
    expect(onClose).not.toHaveBeenCalled()
  })

  it('removes its listeners when closed from the main side', () => {
    const { contents, ipcMain, options } = setup()
    createWebContentsTransport(options).close()
    expect(ipcMain.listenerCount(CHANNEL)).toBe(0)
    expect(contents.listenerCount('destroyed')).toBe(0)
  })
})

describe('serveWebContents', () => {
  it('attaches one transport per document until the webContents is destroyed', () => {
    const { contents, ipcMain, options, fromRenderer } = setup()
    const transports: Transport[] = []
    serveWebContents(options, (transport) => transports.push(transport))
    const firstDocument = received(transports[0]!)
    fromRenderer('early')

    contents.navigate({ isMainFrame: true, isSameDocument: false })
    expect(transports).toHaveLength(2)
    const secondDocument = received(transports[1]!)
    fromRenderer('after reload')
    expect(ipcMain.listenerCount(CHANNEL)).toBe(1)

    contents.destroy()
    expect(transports).toHaveLength(2)
    expect(ipcMain.listenerCount(CHANNEL)).toBe(0)
    expect(firstDocument).toEqual(['early'])
    expect(secondDocument).toEqual(['after reload'])
  })
})
