// Child process of bench/ui.bench.ts: produces string records holding their produce time (epoch ms with
// microseconds, performance.timeOrigin + performance.now()) at a fixed rate, from batches on a 10 ms timer.
// Runs in its own process so the producer does not load the event loop of the process hosting the engine.
// Usage: node bench/uiProducer.mjs <brokers> <topic> <recordsPerSecond> <seconds> <partitions>
// Prints one JSON line {sent, seconds, rate, errors} at the end; stops early on SIGTERM.
import kafkajs from 'kafkajs'

const { Kafka, logLevel, Partitioners } = kafkajs
const [brokers, topic, rateArg, secondsArg, partitionsArg] = process.argv.slice(2)
const rate = Number(rateArg)
const seconds = Number(secondsArg)
const partitions = Number(partitionsArg ?? 1)
const TICK_MS = 10
const MAX_IN_FLIGHT = 8

const kafka = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING, clientId: 'ui-bench-producer' })
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
await producer.connect()
let stopped = false
process.on('SIGTERM', () => (stopped = true))
process.send?.({ ready: true })

const started = performance.now()
let sent = 0
let inFlight = 0
let errors = 0
let next = 0
await new Promise((resolve) => {
  const timer = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000
    if (stopped || elapsed >= seconds) {
      clearInterval(timer)
      resolve()
      return
    }
    if (inFlight >= MAX_IN_FLIGHT) return
    const due = Math.min(Math.floor(rate * elapsed) - sent, rate / 10)
    if (due <= 0) return
    const messages = new Array(due)
    for (let i = 0; i < due; i++) messages[i] = { value: (performance.timeOrigin + performance.now()).toFixed(3), partition: next++ % partitions }
    sent += due
    inFlight++
    producer
      .send({ topic, acks: 1, messages })
      .catch(() => errors++)
      .finally(() => inFlight--)
  }, TICK_MS)
})
const elapsed = (performance.now() - started) / 1000
while (inFlight > 0) await new Promise((r) => setTimeout(r, 5))
await producer.disconnect()
process.stdout.write(JSON.stringify({ sent, seconds: elapsed, rate: sent / elapsed, errors }) + '\n')
process.exit(0)
