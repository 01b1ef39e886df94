// The engine worker under load, seen from the main thread: the main thread's event-loop delay while a table
// ingests 1,000,000 records at full speed (target p99 <= 10 ms), and the viewport round trip over the
// browser host's WebSocket with the engine idle (target p99 <= 5 ms). Baselines from the same run: the idle
// main thread's loop delay, and the round trip of a call that does no work (engine.getInfo).
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { build } from 'esbuild'
import { Kafka, logLevel, Partitioners } from 'kafkajs'
import { WebSocket } from 'ws'
import { engine } from '../src/shared/contracts/engine'
import { tables } from '../src/shared/contracts/tables'
import { views } from '../src/shared/contracts/views'
import { createClient } from '../src/shared/ipc/client'
import { createWebSocketClientTransport } from '../src/shared/ipc/webSocketClientTransport'
import { startEngineWorker } from '../src/main/host/engineWorkerHost'
import { startWebSocketServerTransport } from '../src/main/transport/webSocketServerTransport'
import { createTopic, plaintextConfig, uniqueTopic } from '../test/support/testEnv'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const ROUND_TRIPS = 2000

async function produce(topic: string): Promise<void> {
  const kafka = new Kafka({ brokers: [plaintextConfig()['bootstrap.servers']], logLevel: logLevel.NOTHING })
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  for (let start = 0; start < RECORDS; start += 40_000) {
    const sends = []
    for (let b = start; b < Math.min(start + 40_000, RECORDS); b += 10_000) {
      const messages = []
      for (let i = b; i < Math.min(b + 10_000, RECORDS); i++) {
        const value = Buffer.allocUnsafe(8)
        value.writeDoubleBE(i / 3)
        messages.push({ key: `SYM${i % 1000}`, value, partition: i % 4 })
      }
      sends.push(producer.send({ topic, acks: 1, messages }))
    }
    await Promise.all(sends)
  }
  await producer.disconnect()
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const workerFile = join('.cache', 'bench', 'engineWorker.cjs')
  await build({ entryPoints: ['src/main/core/host/engineWorker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'warning' })
  const topic = await createTopic(uniqueTopic('bench-host'), 4)
  await produce(topic)

  const host = await startEngineWorker(join(process.cwd(), workerFile))
  const server = await startWebSocketServerTransport({ onConnection: (t) => host.attach(t) })
  const transport = createWebSocketClientTransport(server.url, { WebSocket: WebSocket as never })
  const api = createClient(transport, { engine, tables, views })

  const idle = monitorEventLoopDelay({ resolution: 1 })
  idle.enable()
  await new Promise((resolve) => setTimeout(resolve, 2000))
  idle.disable()
  const idleP99 = idle.percentile(99) / 1e6

  const loop = monitorEventLoopDelay({ resolution: 1 })
  const started = performance.now()
  loop.enable()
  const info = await api.tables.openTable({
    properties: plaintextConfig(),
    topic,
    offsets: { '-1': -1 },
    keySpec: { kind: 'simple', columnName: 'Sym', type: 'string' },
    valueSpec: { kind: 'simple', columnName: 'Px', type: 'float64' },
    tableType: { kind: 'append' }
  })
  const { viewId } = await api.views.openView({ tableId: info.tableId, spec: { sort: [], filters: [] } })
  let pushes = 0
  const stopPushes = api.views.onViewportData({ viewId }, () => pushes++)
  await api.views.setViewport({ viewId, first: 0, last: 60 })
  await new Promise<void>((resolve) => {
    const stop = api.tables.onTableStatus({ tableId: info.tableId }, (s) => {
      if (s.size >= RECORDS) {
        stop()
        resolve()
      }
    })
  })
  loop.disable()
  const ingestSeconds = (performance.now() - started) / 1000
  const mainP99 = loop.percentile(99) / 1e6
  stopPushes()

  const noop: number[] = []
  const viewport: number[] = []
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t0 = performance.now()
    await api.engine.getInfo()
    noop.push(performance.now() - t0)
    const first = Math.floor(Math.random() * (RECORDS - 60))
    const t1 = performance.now()
    await api.views.setViewport({ viewId, first, last: first + 60 })
    viewport.push(performance.now() - t1)
  }
  const viewportP99 = percentile(viewport, 99)
  const noopP99 = percentile(noop, 99)
  console.log(`ingest of ${RECORDS.toLocaleString('en-US')} records through the worker: ${(RECORDS / ingestSeconds).toLocaleString('en-US', { maximumFractionDigits: 0 })} rows/s, ${pushes} viewport pushes`)
  console.log(`main thread event-loop delay p99: ${mainP99.toFixed(2)} ms while ingesting, ${idleP99.toFixed(2)} ms idle (ratio ${(mainP99 / idleP99).toFixed(2)}; target <= 10 ms)`)
  console.log(`viewport round trip (60 rows x 5 columns, WebSocket): p50 ${percentile(viewport, 50).toFixed(2)} ms, p99 ${viewportP99.toFixed(2)} ms; no-op call p99 ${noopP99.toFixed(2)} ms (ratio ${(viewportP99 / noopP99).toFixed(2)}; target <= 5 ms)`)
  console.log(`RESULT main_loop_delay_p99_ms=${mainP99.toFixed(2)} idle_loop_delay_p99_ms=${idleP99.toFixed(2)} viewport_p99_ms=${viewportP99.toFixed(2)} noop_call_p99_ms=${noopP99.toFixed(2)} ingest_rows_per_s=${Math.round(RECORDS / ingestSeconds)}`)
  transport.close()
  await server.close()
  await host.terminate()
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
