import { homedir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost } from './host/browserHost'

// `npm run serve`: the browser host. Runs from the electron-vite build output (out/main/serve.js).
async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : undefined
  const userDataDir = process.env.TOPIC_TABLES_USER_DATA ?? defaultUserDataDir()
  const host = await startBrowserHost({
    rendererDir: join(__dirname, '../renderer'),
    workerEntry: join(__dirname, 'engineWorker.js'),
    userDataDir,
    port,
    token: process.env.TOPIC_TABLES_TOKEN
  })
  console.log(`Topic Tables is serving at ${host.url}`)
  console.log(`Profiles and workspaces are saved in ${userDataDir}`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** Where Electron keeps the app's user data too, so both hosts share profiles. */
function defaultUserDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData/Roaming'), 'topic-tables')
  if (process.platform === 'darwin') return join(homedir(), 'Library/Application Support/topic-tables')
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'topic-tables')
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
