import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, shell, type WebContents } from 'electron'

const devServer = process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(__dirname, '../renderer/index.html')

/** Messages are only accepted from the app's own page (the dev server in development). */
export function isAppOrigin(url: string): boolean {
  if (devServer) return url.startsWith(devServer)
  return url.split(/[?#]/)[0] === pathToFileURL(rendererFile).href
}

/** A window with Electron's hardening on; `serve` wires its IPC before the first page loads. */
export function createMainWindow(serve: (webContents: WebContents) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Topic Tables',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    }
  })
  serve(window.webContents)
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(rendererFile)
  return window
}
