// A stand-in engine for grid tests that need more rows than a test can produce to Kafka: the real `engine`,
// `tables` and `views` contracts over the real RPC server and WebSocket transport, with synthetic tables
// whose rows are computed from their index (`synthetic-10000000` has ten million rows, at no memory cost).
// Used by grid.e2e.ts; everything Kafka-backed runs against the real browser host.
import { join } from 'node:path'
import type { ImplOf, RpcContext } from '../../../src/shared/ipc/contract'
import { AppError } from '../../../src/shared/ipc/errors'
import { RpcServer } from '../../../src/shared/ipc/server'
import { engine } from '../../../src/shared/contracts/engine'
import { tables } from '../../../src/shared/contracts/tables'
import { views } from '../../../src/shared/contracts/views'
import { workspace } from '../../../src/shared/contracts/workspace'
import type { ColumnDef } from '../../../src/shared/model/columns'
import type { OpenTableArgs, TableStatus } from '../../../src/shared/model/tables'
import type { ViewportDataDto, ViewSpecDto } from '../../../src/shared/model/views'
import { startWebSocketServerTransport } from '../../../src/main/transport/webSocketServerTransport'
import { serveStaticFiles } from '../../../src/main/host/staticFiles'

export const SYNTHETIC_COLUMNS: ColumnDef[] = [
  { name: 'KafkaPartition', type: 'int32' },
  { name: 'KafkaOffset', type: 'int64' },
  { name: 'KafkaTimestamp', type: 'timestamp' },
  { name: 'Key', type: 'string' },
  { name: 'Price', type: 'float64' },
  { name: 'Flag', type: 'bool' },
  { name: 'Payload', type: 'bytes' }
]

/** 2026-11-25 00:00:00 UTC; row i is 10 ms later than row i - 1. */
const BASE_MS = 1795564800000

/** The synthetic value of column `name` at arrival index `i`. */
export function syntheticValue(name: string, i: number): number | string | boolean | null {
  switch (name) {
    case 'KafkaPartition':
      return i % 3
    case 'KafkaOffset':
      return String(i)
    case 'KafkaTimestamp':
      return (BigInt(BASE_MS + i * 10) * 1_000_000n).toString()
    case 'Key':
      return i % 7 === 3 ? null : `key-${i % 1000}`
    case 'Price':
      return i % 97 === 5 ? 'NaN' : i / 4
    case 'Flag':
      return i % 2 === 0
    case 'Payload':
      return Buffer.from([i & 0xff, 0x41, 0x42, 0x0a]).toString('base64')
    default:
      return null
  }
}

export interface FakeCall {
  method: string
  args: unknown
}

interface FakeView {
  tableId: string
  rowCount: number
  spec: ViewSpecDto
  version: number
  window: { first: number; last: number } | null
}

/** Row order of a view: arrival order, or reversed for a descending first sort key; a range filter on KafkaOffset cuts it. */
function plan(size: number, spec: ViewSpecDto): { count: number; at(position: number): number } {
  let lo = 0
  let hi = size - 1
  for (const f of spec.filters) {
    if (f.column === 'KafkaOffset' && f.kind === 'range') {
      if (f.min !== undefined) lo = Math.max(lo, Number(f.min))
      if (f.max !== undefined) hi = Math.min(hi, Number(f.max))
    }
  }
  const count = Math.max(0, hi - lo + 1)
  const desc = spec.sort[0]?.direction === 'desc'
  return { count, at: (p) => (desc ? hi - p : lo + p) }
}

export class FakeEngine {
  readonly calls: FakeCall[] = []
  private readonly tableSizes = new Map<string, number>()
  private readonly viewsById = new Map<string, FakeView>()
  private nextId = 1

  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method)
  }

  get openTables(): number {
    return this.tableSizes.size
  }

  readonly engineImpl: ImplOf<typeof engine> = {
    getInfo: () => ({ version: 'fake', isWorkerThread: false, uptimeMs: 0, openTables: this.tableSizes.size })
  }

  readonly tablesImpl: ImplOf<typeof tables> = {
    openTable: (args: OpenTableArgs) => {
      this.calls.push({ method: 'openTable', args })
      const match = /^synthetic-(\d+)$/.exec(args.topic)
      if (!match) throw new AppError('UNKNOWN_TOPIC', `Topic '${args.topic}' does not exist (fake engine: use synthetic-<rows>)`)
      const tableId = `table-${this.nextId++}`
      this.tableSizes.set(tableId, Number(match[1]))
      return { tableId, topic: args.topic, columns: SYNTHETIC_COLUMNS, sources: { key: 'Key: string', value: 'Value: string' } }
    },
    closeTable: ({ tableId }) => {
      this.calls.push({ method: 'closeTable', args: { tableId } })
      this.tableSizes.delete(tableId)
    },
    pauseTable: () => undefined,
    resumeTable: () => undefined,
    listErrors: () => [],
    onTableStatus: ({ tableId }, emit: (s: TableStatus) => void) => {
      const size = this.size(tableId)
      emit({ tableId, state: 'running', failure: null, size, rowsPerSecond: 0, bytesPerSecond: 0, totalRows: size, errorCount: 0, partitions: [{ partition: 0, position: String(size), highWatermark: String(size), lag: 0 }] })
      return () => undefined
    }
  }

  readonly viewsImpl: ImplOf<typeof views> = {
    openView: ({ tableId, spec }) => {
      this.calls.push({ method: 'openView', args: { tableId, spec } })
      const viewId = `view-${this.nextId++}`
      const view: FakeView = { tableId, spec, version: 1, window: null, rowCount: plan(this.size(tableId), spec).count }
      this.viewsById.set(viewId, view)
      return { viewId, rowCount: view.rowCount }
    },
    setViewSpec: ({ viewId, spec }) => {
      this.calls.push({ method: 'setViewSpec', args: { viewId, spec } })
      const view = this.view(viewId)
      view.spec = spec
      view.version++
      view.rowCount = plan(this.size(view.tableId), spec).count
      return { rowCount: view.rowCount }
    },
    setViewport: (args) => {
      this.calls.push({ method: 'setViewport', args })
      const view = this.view(args.viewId)
      view.window = { first: args.first, last: args.last }
      return this.read(args.viewId, view, args.first, args.last)
    },
    readRows: (args) => {
      this.calls.push({ method: 'readRows', args })
      return this.read(args.viewId, this.view(args.viewId), args.first, args.last)
    },
    closeView: ({ viewId }) => {
      this.calls.push({ method: 'closeView', args: { viewId } })
      this.viewsById.delete(viewId)
    },
    onViewportData: () => () => undefined
  }

  private size(tableId: string): number {
    const size = this.tableSizes.get(tableId)
    if (size === undefined) throw new AppError('TABLE_NOT_FOUND', `No open table ${tableId}`)
    return size
  }

  private view(viewId: string, _ctx?: RpcContext): FakeView {
    const view = this.viewsById.get(viewId)
    if (!view) throw new AppError('VIEW_NOT_FOUND', `No view ${viewId}`)
    return view
  }

  private read(viewId: string, view: FakeView, first: number, last: number): ViewportDataDto {
    const order = plan(this.size(view.tableId), view.spec)
    const from = Math.min(first, Math.max(0, order.count - 1))
    const to = Math.min(last, order.count)
    const rowKeys: number[] = []
    for (let p = from; p < to; p++) rowKeys.push(order.at(p))
    return {
      viewId,
      version: view.version,
      rowCount: order.count,
      first: from,
      rowKeys,
      columns: SYNTHETIC_COLUMNS.map((c) => ({ name: c.name, type: c.type, values: rowKeys.map((i) => syntheticValue(c.name, i)) }))
    }
  }
}

export interface FakeHost {
  url: string
  fake: FakeEngine
  close(): Promise<void>
}

/** The built renderer over HTTP and the fake engine over the token WebSocket, like the browser host. */
export async function startFakeHost(rendererDir = join(__dirname, '../../../out/renderer')): Promise<FakeHost> {
  const fake = new FakeEngine()
  const server = new RpcServer({ validateOutputs: true })
  server.register(engine, fake.engineImpl)
  server.register(tables, fake.tablesImpl)
  server.register(views, fake.viewsImpl)
  server.register(workspace, { loadWorkspace: () => ({ workspace: null }), saveWorkspace: () => ({ droppedProperties: [] }) })
  const transport = await startWebSocketServerTransport({
    onConnection: (t) => server.attach(t),
    onHttpRequest: serveStaticFiles(rendererDir)
  })
  return {
    url: `http://127.0.0.1:${transport.port}/?token=${encodeURIComponent(transport.token)}`,
    fake,
    close: () => transport.close()
  }
}
