import type { IpcMain, WebContents } from 'electron'
import { RPC_CHANNEL } from '../../shared/ipc/channel'
import type { Transport } from '../../shared/ipc/transport'
import { createWebContentsTransport, serveWebContents, type WebContentsTransportOptions } from './webContentsTransport'

// The only file in src/main/transport that knows Electron, and only its types: the logic lives in
// webContentsTransport.ts, which is tested without Electron.

export interface ElectronIpcTransportOptions {
  /** Checked against `event.senderFrame.url` for every message, e.g. the dev server or the app's file URL. */
  isAllowedOrigin(frameUrl: string): boolean
}

/** A Transport on RPC_CHANNEL for the document currently loaded in `webContents`. */
export function createElectronIpcTransport(webContents: WebContents, ipcMain: IpcMain, options: ElectronIpcTransportOptions): Transport {
  return createWebContentsTransport(toTransportOptions(webContents, ipcMain, options))
}

/** Attaches a transport for every document `webContents` loads; call before loading the first one. */
export function serveElectronWebContents(
  webContents: WebContents,
  ipcMain: IpcMain,
  options: ElectronIpcTransportOptions,
  attach: (transport: Transport) => void
): void {
  serveWebContents(toTransportOptions(webContents, ipcMain, options), attach)
}

function toTransportOptions(webContents: WebContents, ipcMain: IpcMain, options: ElectronIpcTransportOptions): WebContentsTransportOptions {
  return { contents: webContents, ipcMain, channel: RPC_CHANNEL, isAllowedOrigin: (url) => options.isAllowedOrigin(url) }
}
