// Child process of bench/ui.bench.ts: produces string records holding their produce time (epoch ms with
// microseconds, performance.timeOrigin + performance.now()) at a fixed rate, from batches on a 5 ms timer.
// The records go through kcat (librdkafka, linger 1 ms): kafkajs's producer cannot keep 100,000 records/s on
// these machines without queueing them for 100+ ms, which would be measured as our latency.
// Runs in its own process so the producer does not load the event loop of the process hosting the engine.
// Usage: node bench/uiProducer.mjs <brokers> <topic> <recordsPerSecond> <seconds> <partitions> [maxRecords]
// Prints one JSON line {sent, seconds, rate, errors} at the end; stops early on SIGTERM.
import { spawn } from 'node:child_process'

const [brokers, topic, rateArg, secondsArg, , countArg] = process.argv.slice(2)
const rate = Number(rateArg)
const seconds = Number(secondsArg)
const maxRecords = countArg === undefined ? Infinity : Number(countArg)
const TICK_MS = 5

const kcat = spawn(
  'kcat',
  ['-P', '-b', brokers, '-t', topic, '-X', 'linger.ms=1', '-X', 'batch.num.messages=10000', '-X', 'queue.buffering.max.messages=1000000', '-X', 'acks=1'],
  { stdio: ['pipe', 'ignore', 'pipe'] }
)
let errors = 0
kcat.stderr.on('data', (d) => {
  errors++
  process.stderr.write(`[kcat] ${d}`)
})
const exited = new Promise((resolve) => kcat.on('exit', resolve))
let stopped = false
process.on('SIGTERM', () => (stopped = true))
await new Promise((r) => setTimeout(r, 300))
process.send?.({ ready: true })

const started = performance.now()
let sent = 0
await new Promise((resolve) => {
  const timer = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000
    if (stopped || elapsed >= seconds || sent >= maxRecords) {
      clearInterval(timer)
      resolve()
      return
    }
    const due = Math.min(Math.floor(rate * elapsed) - sent, rate / 20, maxRecords - sent)
    if (due <= 0) return
    const lines = new Array(due)
    for (let i = 0; i < due; i++) lines[i] = (performance.timeOrigin + performance.now()).toFixed(3)
    sent += due
    kcat.stdin.write(lines.join('\n') + '\n')
  }, TICK_MS)
})
const elapsed = (performance.now() - started) / 1000
kcat.stdin.end()
await exited
process.stdout.write(JSON.stringify({ sent, seconds: elapsed, rate: sent / elapsed, errors }) + '\n')
process.exit(0)
