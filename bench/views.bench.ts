// Views benchmark: sorts, filters, incremental appends and viewports over a 1,000,000-row table of 5 columns
// (int32, int64, timestamp, string from ~1,000 symbols, float64), against the comparator-sort baseline
// `Uint32Array.from(indices).sort((a, b) => col[a] - col[b])` on the same float64 values.
// Run: node scripts/run-bench.mjs bench/views.bench.ts   (or: node --expose-gc --import tsx bench/views.bench.ts)
// BENCH_ROWS and BENCH_ROUNDS change the size and the repetitions (figures are medians over the rounds).
import { LiveTable } from '../src/main/core/engine/liveTable'
import { addRows, rng } from '../src/main/core/engine/testSupport'
import { TableView } from '../src/main/core/views'
import type { ViewSpec } from '../src/main/core/views'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const APPEND = 10_000
const VIEWPORT_CALLS = 1000
const SYMBOLS = Array.from({ length: 1000 }, (_, i) => `SYM${String(i).padStart(4, '0')}`)

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const random = rng(42)
const baseMs = Date.UTC(2025, 0, 1)

function writeRows(table: LiveTable, count: number): void {
  const [id, seq, time, symbol, price] = table.writers
  addRows(table, count, () => {
    id.appendNumber((random() * 2 ** 31) | 0)
    seq.appendNumber(Math.floor(random() * 2 ** 52) - 2 ** 51)
    time.appendNumber(baseMs + Math.floor(random() * 86_400_000))
    symbol.appendString(SYMBOLS[Math.floor(random() * SYMBOLS.length)])
    price.appendNumber(random() * 1000 - 100)
  })
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}

/** Times `run` ROUNDS times (each after a GC); returns the median, printing every round. */
function time(label: string, run: () => void): number {
  const times: number[] = []
  for (let k = 0; k < ROUNDS; k++) {
    gc()
    const t0 = performance.now()
    run()
    times.push(performance.now() - t0)
  }
  const m = median(times)
  console.log(`${label.padEnd(44)} median ${m.toFixed(1).padStart(8)} ms   min ${Math.min(...times).toFixed(1).padStart(7)}   rounds ${times.map((t) => t.toFixed(1)).join(' ')}`)
  return m
}

function timedView(label: string, table: LiveTable, spec: ViewSpec): number {
  let rows = 0
  const ms = time(label, () => {
    const view = new TableView(table, spec)
    rows = view.rowCount
    view.dispose()
  })
  console.log(`${''.padEnd(44)} → ${rows} rows`)
  return ms
}

const table = new LiveTable(
  [
    { name: 'id', type: 'int32' },
    { name: 'seq', type: 'int64' },
    { name: 'time', type: 'timestamp' },
    { name: 'symbol', type: 'string' },
    { name: 'price', type: 'float64' }
  ],
  { kind: 'append' }
)
let t0 = performance.now()
writeRows(table, ROWS)
table.flush()
console.log(`built ${table.size} rows × 5 columns in ${(performance.now() - t0).toFixed(0)} ms, ${(table.memoryBytes() / 1e6).toFixed(1)} MB`)

// Baseline: comparator sort over a plain Float64Array copy of the float64 column.
const col = new Float64Array(ROWS)
for (let p = 0; p < ROWS; p++) col[p] = table.getValue(4, p) as number
const indices = new Uint32Array(ROWS)
for (let i = 0; i < ROWS; i++) indices[i] = i
const baselineMs = time('baseline Uint32Array.sort(comparator)', () => {
  Uint32Array.from(indices).sort((a, b) => col[a] - col[b])
})

const firstSortMs = timedView('sort by float64 (price asc)', table, { sort: [{ column: 'price', direction: 'asc' }], filters: [] })
const stringSortMs = timedView('sort by string (symbol asc)', table, { sort: [{ column: 'symbol', direction: 'asc' }], filters: [] })
const multiSortMs = timedView('sort by (symbol asc, price desc)', table, {
  sort: [
    { column: 'symbol', direction: 'asc' },
    { column: 'price', direction: 'desc' }
  ],
  filters: []
})
timedView('sort by timestamp desc', table, { sort: [{ column: 'time', direction: 'desc' }], filters: [] })
timedView('sort by int32 asc', table, { sort: [{ column: 'id', direction: 'asc' }], filters: [] })
const filterMs = timedView('filter symbol contains "m01" + price 100..500', table, {
  sort: [],
  filters: [
    { column: 'symbol', kind: 'contains', value: 'm01' },
    { column: 'price', kind: 'range', min: 100, max: 500 }
  ]
})
timedView('filter + sort by price desc', table, {
  sort: [{ column: 'price', direction: 'desc' }],
  filters: [
    { column: 'symbol', kind: 'contains', value: 'm01' },
    { column: 'price', kind: 'range', min: 100, max: 500 }
  ]
})

// Incremental: append 10,000 rows into a sorted view of the table (the flush includes the view's merge).
const sortedView = new TableView(table, { sort: [{ column: 'price', direction: 'asc' }], filters: [] })
let notifications = 0
sortedView.onChange(() => notifications++)
const appendTimes: number[] = []
for (let k = 0; k < ROUNDS; k++) {
  writeRows(table, APPEND)
  gc()
  t0 = performance.now()
  table.flush()
  appendTimes.push(performance.now() - t0)
}
const appendMs = median(appendTimes)
console.log(`${'append 10,000 rows into a sorted view'.padEnd(44)} median ${appendMs.toFixed(1).padStart(8)} ms   rounds ${appendTimes.map((t) => t.toFixed(1)).join(' ')}`)
if (notifications !== ROUNDS || sortedView.rowCount !== table.size) throw new Error('incremental append: view out of step')

// Viewports: 50 rows × 5 columns at random positions of the sorted view.
const viewportTimes: number[] = []
let checksum = 0
for (let k = 0; k < VIEWPORT_CALLS + 100; k++) {
  const first = Math.floor(random() * (sortedView.rowCount - 50))
  const s = performance.now()
  const data = sortedView.viewport(first, first + 49)
  const us = (performance.now() - s) * 1000
  checksum += data.rowKeys.length
  if (k >= 100) viewportTimes.push(us) // the first 100 calls warm up
}
const viewportP50 = quantile(viewportTimes, 0.5)
const viewportP99 = quantile(viewportTimes, 0.99)
console.log(`${'viewport 50 rows × 5 columns'.padEnd(44)} p50 ${viewportP50.toFixed(1)} µs   p99 ${viewportP99.toFixed(1)} µs   (${checksum} rows read)`)
const sample = sortedView.viewport(0, 1)
console.log('viewport sample:', JSON.stringify(sample))
sortedView.dispose()

// Extra (not in RESULT): high-cardinality strings, whose chunks are raw UTF-8 instead of dictionaries.
const ids = new LiveTable([{ name: 'id', type: 'string' }], { kind: 'append' })
addRows(ids, ROWS, (w) => w[0].appendString(`order-${Math.floor(random() * 2 ** 40).toString(36)}`))
ids.flush()
timedView('sort by 1M unique string ids (raw chunks)', ids, { sort: [{ column: 'id', direction: 'asc' }], filters: [] })
timedView('filter unique ids contains "zz"', ids, { sort: [], filters: [{ column: 'id', kind: 'contains', value: 'zz' }] })

const f = (x: number): string => x.toFixed(1)
console.log(
  `RESULT first_sort_ms=${f(firstSortMs)} string_sort_ms=${f(stringSortMs)} multi_sort_ms=${f(multiSortMs)} filter_ms=${f(filterMs)} ` +
    `incremental_append_ms=${f(appendMs)} viewport_p99_us=${f(viewportP99)} baseline_sort_ms=${f(baselineMs)} ` +
    `baseline_over_ours=${(baselineMs / firstSortMs).toFixed(1)}x`
)
