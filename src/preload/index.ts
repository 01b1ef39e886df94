import { contextBridge, ipcRenderer } from 'electron'
import { RPC_CHANNEL as CHANNEL } from '../shared/ipc/channel'

// The renderer's only door to the main process: one channel, two functions, no ipcRenderer.
contextBridge.exposeInMainWorld('rpc', {
  send(message: unknown): void {
    ipcRenderer.send(CHANNEL, message)
  },
  onMessage(listener: (message: unknown) => void): () => void {
    const handler = (_event: unknown, message: unknown) => listener(message)
    ipcRenderer.on(CHANNEL, handler)
    return () => ipcRenderer.removeListener(CHANNEL, handler)
  }
})
