import { join } from 'node:path'
import { startBrowserHost } from './host/browserHost'

// `npm run serve`: the browser host. Runs from the electron-vite build output (out/main/serve.js).
async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : undefined
  const host = await startBrowserHost({
    rendererDir: join(__dirname, '../renderer'),
    workerEntry: join(__dirname, 'engineWorker.js'),
    port,
    token: process.env.TOPIC_TABLES_TOKEN
  })
  console.log(`Topic Tables is serving at ${host.url}`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
