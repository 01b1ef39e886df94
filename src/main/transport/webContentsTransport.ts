import type { Transport } from '../../shared/ipc/transport'
import { createTransportListeners } from '../../shared/ipc/transportListeners'

// Electron-free so it can be unit-tested: the structural slices of WebContents and ipcMain used here.

export interface NavigationDetails {
  readonly isMainFrame: boolean
  readonly isSameDocument: boolean
}

export interface RendererContents {
  send(channel: string, message: unknown): void
  isDestroyed(): boolean
  on(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown
  on(event: 'did-start-navigation', listener: (details: NavigationDetails) => void): unknown
  removeListener(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown
  removeListener(event: 'did-start-navigation', listener: (details: NavigationDetails) => void): unknown
}

export interface IpcMessageEvent {
  readonly sender: unknown
  readonly senderFrame: { readonly url: string } | null
}

export interface IpcMainChannels {
  on(channel: string, listener: (event: IpcMessageEvent, message: unknown) => void): unknown
  removeListener(channel: string, listener: (event: IpcMessageEvent, message: unknown) => void): unknown
}

export interface WebContentsTransportOptions {
  readonly contents: RendererContents
  readonly ipcMain: IpcMainChannels
  readonly channel: string
  /** Checked against the sending frame's URL on every message; others are dropped. */
  readonly isAllowedOrigin: (frameUrl: string) => boolean
}

/**
 * A Transport for the document currently loaded in one webContents. It closes when the webContents
 * is destroyed, its renderer dies, or its main frame navigates to another document, so the server
 * disposes that document's subscriptions (electron-trpc's cleanup). Use serveWebContents to cover
 * every document a window loads.
 */
export function createWebContentsTransport(options: WebContentsTransportOptions): Transport {
  const { contents, ipcMain, channel, isAllowedOrigin } = options
  const listeners = createTransportListeners()

  const onIpcMessage = (event: IpcMessageEvent, message: unknown) => {
    if (event.sender !== contents) return
    if (!event.senderFrame || !isAllowedOrigin(event.senderFrame.url)) return
    listeners.deliver(message)
  }
  const onNavigation = (details: NavigationDetails) => {
    if (details.isMainFrame && !details.isSameDocument) close()
  }
  const close = () => {
    if (!listeners.markClosed()) return
    ipcMain.removeListener(channel, onIpcMessage)
    contents.removeListener('destroyed', close)
    contents.removeListener('render-process-gone', close)
    contents.removeListener('did-start-navigation', onNavigation)
  }

  ipcMain.on(channel, onIpcMessage)
  contents.on('destroyed', close)
  contents.on('render-process-gone', close)
  contents.on('did-start-navigation', onNavigation)

  return {
    send(message) {
      if (!listeners.isClosed && !contents.isDestroyed()) contents.send(channel, message)
    },
    onMessage: (listener) => listeners.onMessage(listener),
    onClose: (listener) => listeners.onClose(listener),
    close
  }
}

/**
 * Hands `attach` a fresh transport for each document the webContents loads, starting now (call it
 * before loadURL so no early message is missed), until the webContents is destroyed.
 */
export function serveWebContents(options: WebContentsTransportOptions, attach: (transport: Transport) => void): void {
  // Registered before any transport's own 'destroyed' listener, so it is set when that one closes.
  let destroyed = options.contents.isDestroyed()
  options.contents.on('destroyed', () => {
    destroyed = true
  })
  const serveDocument = () => {
    if (destroyed) return
    const transport = createWebContentsTransport(options)
    transport.onClose(serveDocument)
    attach(transport)
  }
  serveDocument()
}
