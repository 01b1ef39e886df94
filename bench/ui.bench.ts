// The UI under load (issue §6), in Debian's Chromium against the browser host built from out/ (run
// `npx electron-vite build` first; `npm run bench:ui` does). Figures, each with a baseline from the same run:
//  - produce-to-pixel latency at 100,000 records/s: every record's value is its produce time (epoch ms); after
//    each repaint of the table's rows the page reads the newest painted produce time and notes now - it
//    (target p50 <= 30 ms, p99 <= 100 ms). Baseline: produce->fetch latency of a bare kafkajs consumer.
//  - frame time while wheel-scrolling and jumping in a 10,000,000-row table (REAL engine: a topic filled with
//    BENCH_BIG_ROWS records through kcat, read from the beginning) while 100,000 records/s keep arriving (target
//    p99 <= 16.7 ms; the RESULT's frame_p99_ms). Also: the small live table during the latency run, and a
//    10,000,000-row table on the FAKE engine (test/e2e/support/fakeEngine.ts, no ingest). Baseline: the idle page.
//  - the host's main-thread event-loop delay while a table ingests at full speed (the topic's ~1.6M records
//    from the beginning). Baseline: the idle main thread.
//  - viewport round trip in the page: scrollTop jump -> rows with data in the DOM, ready for the next frame, engine
//    idle (target p99 <= 5 ms), split into the RPC and the drawing, and how often the rows are drawn one frame after
//    the scrollbar moved. Baseline (the floor): a bare scroll box's jump -> a no-op RPC (engine.getInfo) from the page
//    over its own WebSocket -> next task, taken in turns with the grid's jumps. Also a no-op RPC with no scroll and the
//    bare setViewport RPC from Node.
// The producer runs in a child process (bench/uiProducer.mjs) so it does not load the host's event loop.
// No renderer hook: the page observes the rows layer (MutationObserver) and the WebSocket (a wrapper installed
// before the app loads); "painted" is the first task after the mutation (a MessageChannel message).
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { build } from 'esbuild'
import { Kafka, logLevel } from 'kafkajs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { WebSocket } from 'ws'
import { engine } from '../src/shared/contracts/engine'
import { tables } from '../src/shared/contracts/tables'
import { views } from '../src/shared/contracts/views'
import { createClient } from '../src/shared/ipc/client'
import { createWebSocketClientTransport } from '../src/shared/ipc/webSocketClientTransport'
import { startBrowserHost, type BrowserHost } from '../src/main/host/browserHost'
import { startFakeHost, type FakeHost } from '../test/e2e/support/fakeEngine'
import { TablesPage } from '../test/e2e/support/tablesPage'
import { createTopic, plaintextConfig, uniqueTopic } from '../test/support/testEnv'

const RATE = Number(process.env.BENCH_RATE ?? 100_000)
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10)
const SCROLL_SECONDS = 5
const BASELINE_SECONDS = 5
const PARTITIONS = 4
const VIEWPORT_JUMPS = 500
const BIG_ROWS = Number(process.env.BENCH_BIG_ROWS ?? 10_000_000)
const NOOP_CALLS = 1000
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const root = process.cwd()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const f = (x: number) => x.toFixed(2)
const ratio = (a: number, b: number) => (a / b).toFixed(2)
const withTimeout = <T>(ms: number, what: string, p: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer))
}
const log = (msg: string) => console.log(`[ui-bench] ${msg}`)

// ---- everything the bench starts, stopped in `finally` ------------------------------------------------------
const cleanups: (() => Promise<unknown> | unknown)[] = []
async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve().then(c).catch((e: unknown) => console.error('[ui-bench] cleanup:', e))
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanup().finally(() => process.exit(130)))

interface ProducerRun {
  done: Promise<{ sent: number; seconds: number; rate: number; errors: number }>
  stop(): void
}
/** Produces at `rate` records/s for `seconds`, or until `count` records were sent. */
async function startProducer(topic: string, seconds: number, count = Infinity, rate = RATE): Promise<ProducerRun> {
  const args = [plaintextConfig()['bootstrap.servers'], topic, String(rate), String(seconds), String(PARTITIONS), String(count)]
  const child: ChildProcess = fork(join(root, 'bench/uiProducer.mjs'), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  cleanups.push(kill)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  const done = new Promise<{ sent: number; seconds: number; rate: number; errors: number }>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`producer exited with ${code}`))))
  })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`producer exited with ${code} before it was ready`)))
  })
  return { done, stop: () => child.kill('SIGTERM') }
}

async function launchPage(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
  cleanups.push(() => browser.close())
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage() // bypassCSP: the bench injects its no-op RPC client
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`))
  await page.addInitScript(WS_TIMES)
  await page.goto(url)
  return { browser, page }
}

// ---- page-side instruments (plain JS strings: the bench is typed without DOM types) ------------------------
const FRAME_PROBE = `(() => {
  const b = (window.__frames = { deltas: [], loaf: [], loafScript: [], loafRender: [], on: false, last: 0 })
  const tick = (t) => { if (b.on && b.last) b.deltas.push(t - b.last); b.last = t; requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
  try { new PerformanceObserver((list) => { if (b.on) for (const e of list.getEntries()) { b.loaf.push(e.duration); b.loafScript.push((e.scripts || []).reduce((n, s) => n + s.duration, 0)); b.loafRender.push(e.renderStart ? e.startTime + e.duration - e.renderStart : 0) } }).observe({ type: 'long-animation-frame', buffered: false }) } catch (e) { b.loafUnsupported = String(e) }
})()`
/** Frame deltas, and per long animation frame its duration, the time in scripts and the time from render start. */
interface FrameWindow {
  deltas: number[]
  loaf: number[]
  loafScript: number[]
  loafRender: number[]
}
const frameWindow = async (page: Page, seconds: number, during?: () => Promise<void>) => {
  await page.evaluate('window.__frames.deltas = []; window.__frames.loaf = []; window.__frames.loafScript = []; window.__frames.loafRender = []; window.__frames.last = 0; window.__frames.on = true')
  const until = Date.now() + seconds * 1000
  if (during) await during()
  const left = until - Date.now()
  if (left > 0) await sleep(left)
  return (await page.evaluate(
    'window.__frames.on = false; ({ deltas: window.__frames.deltas, loaf: window.__frames.loaf, loafScript: window.__frames.loafScript, loafRender: window.__frames.loafRender })'
  )) as FrameWindow
}

/** Produce-to-pixel: after each mutation of the rows layer, the first task after the frame reads the newest produce time. */
const paintProbe = (topic: string, col: number) => `(() => {
  const layer = document.querySelector('.table-tab[data-topic="${topic}"] .rows-layer')
  const b = (window.__paint = { lat: [], on: false, newest: 0, paints: 0 })
  let candidate = 0, pending = false
  const mc = new MessageChannel()
  mc.port1.onmessage = () => {
    pending = false
    const now = performance.timeOrigin + performance.now()
    b.paints++
    if (candidate > b.newest) { if (b.on) b.lat.push(now - candidate); b.newest = candidate }
  }
  new MutationObserver(() => {
    let max = 0
    for (const cell of layer.querySelectorAll('.row:not(.loading) .cell[data-col="${col}"]')) { const v = parseFloat(cell.textContent); if (v > max) max = v }
    if (max > candidate) candidate = max
    if (!pending) { pending = true; mc.port2.postMessage(0) }
  }).observe(layer, { subtree: true, childList: true, characterData: true })
})()`

/**
 * Viewport round trip: scroll event after a scrollTop jump -> the rows with data are in the DOM (MutationObserver on
 * the rows' data-row and class attributes) -> "painted": the first task after that (a MessageChannel message).
 * Chromium draws at the next vsync, so this is the time until the next frame CAN paint the rows; `nextFrame` says
 * whether they were in before the first requestAnimationFrame after the scroll's own frame, i.e. drawn one frame
 * after the scrollbar moved. `wire` (request sent -> answer handled) and `post` (answer handled -> rows in the DOM)
 * split it.
 * After each jump, a jump on the FLOOR: a bare scroll box of the row scrollbar's size and style whose scroll event
 * sends a no-op RPC (engine.getInfo, over the page's second WebSocket to the same engine) -> the first task after
 * the answer. That is what any grid that fetches its rows pays on this machine: the scroll's frame, two thread hops
 * each way and the socket, with no view, no rows and no DOM. Taken in turns with the jumps, so both see the same noise.
 */
const viewportProbe = (topic: string, jumps: number, wsUrl: string) => `(async () => {
  const tab = document.querySelector('.table-tab[data-topic="${topic}"]')
  const sc = tab.querySelector('.row-scrollbar'), layer = tab.querySelector('.rows-layer')
  const out = [], toData = [], frameWork = [], wire = [], post = [], floor = []; let timeouts = 0, nextFrame = 0
  const firstRow = () => layer.querySelector('.row')?.dataset.row
  const ws = window.__wsTimes
  const api = window.__benchRpc(${JSON.stringify(wsUrl)})
  await api.engine.getInfo()
  const box = document.createElement('div'), boxSpacer = document.createElement('div')
  Object.assign(box.style, { position: 'fixed', left: '0', top: '0', width: '15px', height: sc.clientHeight + 'px', overflowY: 'scroll', background: '#f6f8fa', willChange: 'scroll-position', zIndex: '10' })
  boxSpacer.style.height = sc.scrollHeight + 'px'
  box.append(boxSpacer); document.body.append(box)
  const floorJump = () => new Promise((resolve) => {
    let t0 = 0
    const mc = new MessageChannel()
    mc.port1.onmessage = () => { floor.push(performance.now() - t0); resolve() }
    box.addEventListener('scroll', () => { t0 = performance.now(); api.engine.getInfo().then(() => mc.port2.postMessage(0)) }, { once: true })
    box.scrollTop = Math.random() * (box.scrollHeight - box.clientHeight)
  })
  for (let i = 0; i < ${jumps}; i++) {
    const before = firstRow()
    ws.sent = 0; ws.answered = 0
    await new Promise((resolve) => {
      let t0 = 0, tData = 0, frames = 0
      const mc = new MessageChannel(), afterFrame = new MessageChannel()
      afterFrame.port1.onmessage = () => frameWork.push(performance.now() - t0)
      const onScroll = () => {
        if (t0) return
        t0 = performance.now(); afterFrame.port2.postMessage(0)
        requestAnimationFrame(() => requestAnimationFrame(() => { frames = 1 }))
      }
      sc.addEventListener('scroll', onScroll, { once: true })
      const mo = new MutationObserver(() => {
        if (tData || firstRow() === before || layer.querySelector('.row.loading')) return
        tData = performance.now(); mo.disconnect(); mc.port2.postMessage(0)
        if (frames === 0) nextFrame++
        if (ws.sent && ws.answered) { wire.push(ws.answered - ws.sent); post.push(tData - ws.answered) }
      })
      mc.port1.onmessage = () => { clearTimeout(timer); out.push(performance.now() - t0); toData.push(tData - t0); resolve() }
      const timer = setTimeout(() => { mo.disconnect(); sc.removeEventListener('scroll', onScroll); timeouts++; resolve() }, 2000)
      mo.observe(layer, { subtree: true, attributes: true, attributeFilter: ['data-row', 'class'] })
      sc.scrollTop = Math.random() * (sc.scrollHeight - sc.clientHeight)
    })
    await new Promise((r) => setTimeout(r, 20))
    await floorJump()
    await new Promise((r) => setTimeout(r, 20))
  }
  box.remove()
  return { painted: out, inDom: toData, frameWork, wire, post, floor, nextFrame, timeouts }
})()`

/** Installed before the app loads: when the page sent its first setViewport of a jump and when that answer's handler ran. */
const WS_TIMES = `(() => {
  const t = (window.__wsTimes = { sent: 0, answered: 0 })
  const send = WebSocket.prototype.send
  WebSocket.prototype.send = function (data) { if (!t.sent && typeof data === 'string' && data.includes('"setViewport"')) t.sent = performance.now(); return send.call(this, data) }
  const add = WebSocket.prototype.addEventListener
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message') return add.call(this, type, listener, options)
    return add.call(this, type, (e) => { if (t.sent && !t.answered && typeof e.data === 'string' && e.data.startsWith('{"t":"ok"') && e.data.includes('"rowKeys"')) t.answered = performance.now(); listener(e) }, options)
  }
})()`

/** window.__benchRpc(url): a typed client over its own WebSocket, for the page's baselines. */
async function installPageRpc(page: Page): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: `import { createClient } from './src/shared/ipc/client'; import { createWebSocketClientTransport } from './src/shared/ipc/webSocketClientTransport'; import { engine } from './src/shared/contracts/engine'; window.__benchRpc = (url) => createClient(createWebSocketClientTransport(url), { engine })`,
      resolveDir: root,
      loader: 'ts'
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'warning'
  })
  await page.evaluate(bundle.outputFiles[0].text) // CDP evaluation: the app's CSP forbids inline script tags
}

async function pageNoopRpc(page: Page, wsUrl: string): Promise<number[]> {
  return (await withTimeout(60_000, 'no-op RPCs from the page', page.evaluate(`(async () => {
    const api = window.__benchRpc(${JSON.stringify(wsUrl)})
    await api.engine.getInfo()
    const out = []
    for (let i = 0; i < ${NOOP_CALLS}; i++) { const t0 = performance.now(); await api.engine.getInfo(); out.push(performance.now() - t0) }
    return out
  })()`))) as number[]
}

/** The bare-Kafka baseline: produce -> fetch latency of a kafkajs consumer in this process. */
async function kafkaBaseline(): Promise<{ lat: number[]; rate: number }> {
  const topic = await createTopic(uniqueTopic('bench-ui-base'), PARTITIONS)
  const kafka = new Kafka({ brokers: [plaintextConfig()['bootstrap.servers']], logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 100 })
  await consumer.connect()
  cleanups.push(() => consumer.disconnect())
  await consumer.subscribe({ topic, fromBeginning: true })
  const lat: number[] = []
  let on = false
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.timeOrigin + performance.now()
      if (on) for (const m of batch.messages) lat.push(now - Number(m.value!.toString()))
    }
  })
  await sleep(4000) // group join
  on = true
  const producer = await startProducer(topic, BASELINE_SECONDS)
  const stats = await producer.done
  await sleep(1000)
  on = false
  await consumer.disconnect()
  return { lat, rate: stats.rate }
}

async function main(): Promise<void> {
  // 1. Bare Kafka baseline.
  log(`bare kafkajs consumer baseline at ${RATE.toLocaleString('en-US')} records/s for ${BASELINE_SECONDS} s ...`)
  const base = await kafkaBaseline()

  // 2. App: browser host (engine worker in this process) + Chromium.
  const host: BrowserHost = await startBrowserHost({ rendererDir: join(root, 'out/renderer'), workerEntry: join(root, 'out/main/engineWorker.js') })
  cleanups.push(() => host.close())
  const wsUrl = host.url.replace(/^http:/, 'ws:')
  const { page } = await launchPage(host.url)
  const app = new TablesPage(page)
  await app.waitReady()
  await page.evaluate(FRAME_PROBE)

  log('idle page frames and idle main thread ...')
  const idleLoop = monitorEventLoopDelay({ resolution: 1 })
  idleLoop.enable()
  const idleFrames = await frameWindow(page, 3)
  idleLoop.disable()

  const topic = await createTopic(uniqueTopic('bench-ui'), PARTITIONS)
  const tab = await app.openTable({ bootstrap: plaintextConfig()['bootstrap.servers'], topic, offsets: 'end', key: 'ignore', value: { column: 'ProducedAt', type: 'string' } })
  const col = await tab.columnIndex('ProducedAt')
  if (col < 0) throw new Error('no ProducedAt column')
  await page.evaluate(paintProbe(topic, col))

  // 3. Produce-to-pixel at RATE, live tail; then wheel-scroll the same table while it keeps ingesting.
  log(`producing ${RATE.toLocaleString('en-US')} records/s for ${LATENCY_SECONDS + SCROLL_SECONDS + 2} s; live tail ...`)
  const producer = await startProducer(topic, LATENCY_SECONDS + SCROLL_SECONDS + 2)
  await sleep(1000)
  await tab.scrollToFraction(1) // at the end: the grid follows the tail from here on
  await sleep(500)
  const liveLoop = monitorEventLoopDelay({ resolution: 1 })
  liveLoop.enable()
  await page.evaluate('window.__paint.on = true')
  await sleep((LATENCY_SECONDS - 1.5) * 1000)
  const paint = (await page.evaluate('window.__paint.on = false; ({ lat: window.__paint.lat, paints: window.__paint.paints })')) as { lat: number[]; paints: number }
  liveLoop.disable()

  log('wheel-scrolling the ingesting table ...')
  const scrollFrames = await frameWindow(page, SCROLL_SECONDS, async () => {
    const until = Date.now() + SCROLL_SECONDS * 1000
    for (let i = 0; Date.now() < until; i++) await tab.wheel(Math.floor(i / 40) % 2 === 0 ? -300 : 300)
  })
  const produced = await producer.done
  const tableRows = await tab.tableRowCount()

  // 4. Main-thread loop delay while a second table ingests the topic from the beginning at full speed.
  log(`full-speed ingest of ${produced.sent.toLocaleString('en-US')} records (second table, from the beginning) ...`)
  const transport = createWebSocketClientTransport(wsUrl, { WebSocket: WebSocket as never })
  cleanups.push(() => transport.close())
  const api = createClient(transport, { engine, tables, views })
  const fullLoop = monitorEventLoopDelay({ resolution: 1 })
  const started = performance.now()
  fullLoop.enable()
  const info = await api.tables.openTable({
    properties: plaintextConfig(),
    topic,
    offsets: { '-1': -1 },
    keySpec: { kind: 'ignore' },
    valueSpec: { kind: 'simple', columnName: 'ProducedAt', type: 'string' },
    tableType: { kind: 'append' }
  })
  const { viewId } = await api.views.openView({ tableId: info.tableId, spec: { sort: [], filters: [] } })
  await api.views.setViewport({ viewId, first: 0, last: 60 })
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('full-speed ingest did not finish in 120 s')), 120_000)
    const stop = api.tables.onTableStatus({ tableId: info.tableId }, (s) => {
      if (s.size >= produced.sent) {
        clearTimeout(timeout)
        stop()
        resolve()
      }
    })
  })
  fullLoop.disable()
  const fullSeconds = (performance.now() - started) / 1000

  // 5. Viewport round trips (engine idle) vs a no-op RPC from the page; and the bare setViewport RPC from Node.
  log('viewport round trips, engine idle ...')
  await sleep(500)
  await installPageRpc(page)
  const vp = (await withTimeout(180_000, 'viewport probe', page.evaluate(viewportProbe(topic, VIEWPORT_JUMPS, wsUrl)))) as { painted: number[]; inDom: number[]; frameWork: number[]; wire: number[]; post: number[]; floor: number[]; nextFrame: number; timeouts: number }
  log(`${vp.painted.length} jumps measured, ${vp.timeouts} timed out; no-op RPCs from the page ...`)
  const noop = await pageNoopRpc(page, wsUrl)
  const rpcViewport: number[] = []
  for (let i = 0; i < 1000; i++) {
    const first = Math.floor(Math.random() * (produced.sent - 60))
    const t0 = performance.now()
    await api.views.setViewport({ viewId, first, last: first + 60 })
    rpcViewport.push(performance.now() - t0)
  }
  // 6. Ten million rows in the REAL engine: a topic filled as fast as the producer goes, read from the beginning,
  //    then wheel-scrolled while 100,000 records/s keep arriving.
  log(`filling a topic with ${BIG_ROWS.toLocaleString('en-US')} records ...`)
  const bigTopic = await createTopic(uniqueTopic('bench-ui-big'), PARTITIONS)
  const fillStarted = performance.now()
  const fill = await startProducer(bigTopic, 600, BIG_ROWS, 2_000_000)
  const filled = await fill.done
  log(`filled in ${f((performance.now() - fillStarted) / 1000)} s (${Math.round(filled.rate).toLocaleString('en-US')} records/s); opening it from the beginning ...`)
  const bigTab = await app.openTable({ bootstrap: plaintextConfig()['bootstrap.servers'], topic: bigTopic, offsets: 'beginning', key: 'ignore', value: { column: 'ProducedAt', type: 'string' } })
  const bigOpened = performance.now()
  while ((await bigTab.tableRowCount()) < filled.sent) {
    if (performance.now() - bigOpened > 300_000) throw new Error('the big table did not fill in 300 s')
    await sleep(500)
  }
  const bigIngestSeconds = (performance.now() - bigOpened) / 1000
  log(`${filled.sent.toLocaleString('en-US')} rows in ${f(bigIngestSeconds)} s; wheel-scrolling it during ${RATE.toLocaleString('en-US')}/s ingest ...`)
  const bigProducer = await startProducer(bigTopic, SCROLL_SECONDS + 2)
  await sleep(1000)
  const bigFrames = await frameWindow(page, SCROLL_SECONDS, async () => {
    const until = Date.now() + SCROLL_SECONDS * 1000
    for (let i = 0; Date.now() < until; i++) {
      if (i % 50 === 49) await bigTab.scrollToFraction(Math.random())
      else await bigTab.wheel(Math.floor(i / 40) % 2 === 0 ? 300 : -300)
    }
  })
  await bigProducer.done
  const bigRows = await bigTab.tableRowCount()
  await cleanup() // browser, host, client

  // 7. Ten million rows: the FAKE engine (computed rows, no ingest).
  log('wheel-scrolling a 10,000,000-row table on the FAKE engine ...')
  const fakeHost: FakeHost = await startFakeHost(join(root, 'out/renderer'))
  cleanups.push(() => fakeHost.close())
  const fakePage = (await launchPage(fakeHost.url)).page
  const fakeApp = new TablesPage(fakePage)
  await fakeApp.waitReady()
  await fakePage.evaluate(FRAME_PROBE)
  const fakeIdle = await frameWindow(fakePage, 2)
  const fakeTab = await fakeApp.openTable({ bootstrap: 'fake:9092', topic: 'synthetic-10000000' })
  await fakeTab.waitForViewRowCount(10_000_000)
  const fakeFrames = await frameWindow(fakePage, SCROLL_SECONDS, async () => {
    const until = Date.now() + SCROLL_SECONDS * 1000
    for (let i = 0; Date.now() < until; i++) {
      if (i % 50 === 49) await fakeTab.scrollToFraction(Math.random())
      else await fakeTab.wheel(Math.floor(i / 40) % 2 === 0 ? 300 : -300)
    }
  })
  await cleanup()

  // ---- report ----
  const latP50 = percentile(paint.lat, 50)
  const latP99 = percentile(paint.lat, 99)
  const baseP50 = percentile(base.lat, 50)
  const baseP99 = percentile(base.lat, 99)
  const idleFrameP99 = percentile(idleFrames.deltas, 99)
  const frameP99 = percentile(scrollFrames.deltas, 99)
  const fakeFrameP99 = percentile(fakeFrames.deltas, 99)
  const bigFrameP99 = percentile(bigFrames.deltas, 99)
  const fakeIdleP99 = percentile(fakeIdle.deltas, 99)
  const idleLoopP99 = idleLoop.percentile(99) / 1e6
  const liveLoopP99 = liveLoop.percentile(99) / 1e6
  const fullLoopP99 = fullLoop.percentile(99) / 1e6
  const vpP50 = percentile(vp.painted, 50)
  const vpP99 = percentile(vp.painted, 99)
  const vpP90 = percentile(vp.painted, 90)
  const vpNextFramePct = (100 * vp.nextFrame) / Math.max(1, vp.inDom.length)
  const vpDomP99 = percentile(vp.inDom, 99)
  // the first task after the scroll event runs once the scroll's own frame is rendered: the answer waits that long
  const vpFrameWorkP50 = percentile(vp.frameWork, 50)
  const noopP99 = percentile(noop, 99)
  const floorP50 = percentile(vp.floor, 50)
  const floorP99 = percentile(vp.floor, 99)
  const rpcVpP99 = percentile(rpcViewport, 99)
  const loaf = (w: FrameWindow) => {
    if (w.loaf.length === 0) return '0 long animation frames'
    const worst = w.loaf.indexOf(Math.max(...w.loaf))
    const script = w.loafScript.reduce((a, b) => a + b, 0)
    const render = w.loafRender.reduce((a, b) => a + b, 0)
    const total = w.loaf.reduce((a, b) => a + b, 0)
    return `${w.loaf.length} long animation frames (max ${f(w.loaf[worst]!)} ms of which script ${f(w.loafScript[worst]!)} ms; over all of them ${f((100 * script) / total)}% script, ${f((100 * render) / total)}% style/layout/paint, the rest waiting)`
  }
  console.log('')
  console.log(`producer: ${Math.round(produced.rate).toLocaleString('en-US')} records/s achieved (target ${RATE.toLocaleString('en-US')}), ${produced.sent.toLocaleString('en-US')} records in ${f(produced.seconds)} s, ${produced.errors} failed sends; baseline producer ${Math.round(base.rate).toLocaleString('en-US')} records/s; table shows ${tableRows.toLocaleString('en-US')} rows`)
  console.log(`produce-to-pixel (newest painted row, ${paint.lat.length} paints with new rows of ${paint.paints}): p50 ${f(latP50)} ms, p99 ${f(latP99)} ms (target p50 <= 30, p99 <= 100)`)
  console.log(`  baseline bare kafkajs consumer produce->fetch (${base.lat.length.toLocaleString('en-US')} records): p50 ${f(baseP50)} ms, p99 ${f(baseP99)} ms; ratio p50 ${ratio(latP50, baseP50)}, p99 ${ratio(latP99, baseP99)}`)
  console.log(`frame time, wheel-scrolling the live table (~${tableRows.toLocaleString('en-US')} rows, REAL engine) during ${RATE.toLocaleString('en-US')}/s ingest: p50 ${f(percentile(scrollFrames.deltas, 50))} ms, p99 ${f(frameP99)} ms, ${loaf(scrollFrames)} (target p99 <= 16.7)`)
  console.log(`  baseline idle page: p50 ${f(percentile(idleFrames.deltas, 50))} ms, p99 ${f(idleFrameP99)} ms, ${loaf(idleFrames)}; ratio p99 ${ratio(frameP99, idleFrameP99)}`)
  console.log(`frame time, wheel-scrolling and jumping in a ${bigRows.toLocaleString('en-US')}-row table (REAL engine, filled at ${Math.round(filled.rate).toLocaleString('en-US')} records/s, ingested in ${f(bigIngestSeconds)} s) during ${RATE.toLocaleString('en-US')}/s ingest: p50 ${f(percentile(bigFrames.deltas, 50))} ms, p99 ${f(bigFrameP99)} ms, ${loaf(bigFrames)}; ratio to the idle page ${ratio(bigFrameP99, idleFrameP99)} (target p99 <= 16.7)`)
  console.log(`frame time, wheel-scrolling a 10,000,000-row table on the FAKE engine (computed rows, no Kafka, no ingest): p50 ${f(percentile(fakeFrames.deltas, 50))} ms, p99 ${f(fakeFrameP99)} ms, ${loaf(fakeFrames)}; idle p99 ${f(fakeIdleP99)} ms; ratio ${ratio(fakeFrameP99, fakeIdleP99)}`)
  console.log(`host main-thread event-loop delay p99: ${f(fullLoopP99)} ms while a table ingests ${produced.sent.toLocaleString('en-US')} records at full speed (${Math.round(produced.sent / fullSeconds).toLocaleString('en-US')} rows/s), ${f(liveLoopP99)} ms during the live ${RATE.toLocaleString('en-US')}/s ingest with the page rendering; idle ${f(idleLoopP99)} ms; ratio ${ratio(fullLoopP99, idleLoopP99)} (target <= 10)`)
  console.log(`viewport round trip in the page (scroll -> rows with data in the DOM + one task, engine idle, ${vp.painted.length} jumps, ${vp.timeouts} timed out after 2 s): p50 ${f(vpP50)} ms, p90 ${f(vpP90)} ms, p99 ${f(vpP99)} ms (target p99 <= 5)`)
  console.log(`  rows in the DOM p99 ${f(vpDomP99)} ms; request sent -> answer handled p50 ${f(percentile(vp.wire, 50))} ms, p99 ${f(percentile(vp.wire, 99))} ms; answer -> rows in the DOM p50 ${f(percentile(vp.post, 50))} ms, p99 ${f(percentile(vp.post, 99))} ms; the scroll's own frame keeps the main thread ${f(vpFrameWorkP50)} ms p50; rows drawn in the frame right after the scroll's own frame in ${f(vpNextFramePct)}% of jumps`)
  console.log(`  baseline, the floor (a bare scroll box's scroll event -> no-op RPC -> next task, ${vp.floor.length} jumps taken in turns with the grid's): p50 ${f(floorP50)} ms, p90 ${f(percentile(vp.floor, 90))} ms, p99 ${f(floorP99)} ms; ratio p50 ${ratio(vpP50, floorP50)}, p99 ${ratio(vpP99, floorP99)}`)
  console.log(`  no-op RPC from the page with no scroll (engine.getInfo): p99 ${f(noopP99)} ms; bare setViewport RPC from Node p99 ${f(rpcVpP99)} ms`)
  console.log(
    `RESULT latency_p50_ms=${f(latP50)} latency_p99_ms=${f(latP99)} frame_p99_ms=${f(bigFrameP99)} main_loop_delay_p99_ms=${f(fullLoopP99)} viewport_p99_ms=${f(vpP99)}` +
      ` kafka_p50_ms=${f(baseP50)} kafka_p99_ms=${f(baseP99)} latency_p99_ratio=${ratio(latP99, baseP99)} idle_frame_p99_ms=${f(idleFrameP99)} frame_p99_ratio=${ratio(frameP99, idleFrameP99)}` +
      ` big_rows=${bigRows} frame_p99_live_ms=${f(frameP99)} frame_p99_10m_fake_ms=${f(fakeFrameP99)} idle_loop_delay_p99_ms=${f(idleLoopP99)} main_loop_delay_ratio=${ratio(fullLoopP99, idleLoopP99)} noop_rpc_p99_ms=${f(noopP99)} viewport_floor_p50_ms=${f(floorP50)} viewport_floor_p99_ms=${f(floorP99)} viewport_ratio=${ratio(vpP99, floorP99)} viewport_p50_ratio=${ratio(vpP50, floorP50)}` +
      ` viewport_rpc_p99_ms=${f(rpcVpP99)} viewport_dom_p99_ms=${f(vpDomP99)} viewport_frame_work_p50_ms=${f(vpFrameWorkP50)} viewport_p50_ms=${f(vpP50)} viewport_p90_ms=${f(vpP90)}` +
      ` viewport_wire_p50_ms=${f(percentile(vp.wire, 50))} viewport_wire_p99_ms=${f(percentile(vp.wire, 99))} viewport_post_p50_ms=${f(percentile(vp.post, 50))} viewport_next_frame_pct=${f(vpNextFramePct)} produce_rate=${Math.round(produced.rate)}`
  )
}

main()
  .then(
    () => 0,
    (e: unknown) => {
      console.error(e)
      console.log('RESULT failed=1')
      return 1
    }
  )
  .then(async (code) => {
    await cleanup()
    process.exit(code)
  })
