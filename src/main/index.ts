import { join } from 'node:path'
import { app, BrowserWindow, ipcMain } from 'electron'
import { serveElectronWebContents } from './transport/electronIpcTransport'
import { startEngineWorker, type EngineWorkerHost } from './host/engineWorkerHost'
import { createMainWindow, isAppOrigin } from './electron/mainWindow'
import { loadSecretKey } from './electron/secretKey'

function openWindow(engine: EngineWorkerHost): void {
  createMainWindow((webContents) => serveElectronWebContents(webContents, ipcMain, { isAllowedOrigin: isAppOrigin }, (transport) => engine.attach(transport)))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  void app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData')
    const secrets = loadSecretKey(userDataDir)
    const engine = await startEngineWorker(join(__dirname, 'engineWorker.js'), { userDataDir, secretKey: secrets.key, secretStorage: secrets.description })
    openWindow(engine)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow(engine)
    })
    app.on('before-quit', () => void engine.terminate())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
