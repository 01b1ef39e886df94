import { randomUUID } from 'node:crypto'
import type { ImplOf, RpcContext } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { tables } from '../../../shared/contracts/tables'
import type { OpenTableArgs, TableStatus } from '../../../shared/model/tables'
import type { Table } from '../api/table'
import { consume } from '../consume'
import type { ConsumeOptions } from '../consumeOptions'
import { toAppError } from './consumeErrors'
import { specFromDto } from './specFromDto'
import type { ConnectionResolver } from '../profiles/connectionResolver'

const STATUS_INTERVAL_MS = 250
const FRAME_MS = 16

interface OpenTable {
  readonly table: Table
  readonly owner: string
}

/** Opens tables for clients; a table closes when its owner closes it or disconnects. */
export class TablesService implements ImplOf<typeof tables> {
  private readonly open = new Map<string, OpenTable>()
  private readonly closeListeners = new Set<(tableId: string) => void>()

  constructor(
    private readonly consumeTable: typeof consume = consume,
    private readonly connections?: ConnectionResolver
  ) {}

  async openTable(args: OpenTableArgs, ctx: RpcContext) {
    const properties = this.propertiesFor(args)
    const options = toConsumeOptions(args)
    let table: Table
    try {
      table = await this.consumeTable(properties, args.topic, options)
    } catch (e) {
      throw toAppError(e)
    }
    if (ctx.signal.aborted) {
      await table.close()
      throw new AppError('CANCELLED', 'The connection went away while the table was opening')
    }
    const tableId = randomUUID()
    this.open.set(tableId, { table, owner: ctx.connectionId })
    return { tableId, topic: table.topic, columns: table.columns.map((c) => ({ name: c.name, type: c.type })), sources: { ...table.sources } }
  }

  async closeTable({ tableId }: { tableId: string }, ctx: RpcContext) {
    const entry = this.owned(tableId, ctx)
    await this.close(tableId, entry)
  }

  /** The table a connection opened; throws TABLE_NOT_FOUND otherwise. */
  tableFor(tableId: string, ctx: RpcContext): Table {
    return this.owned(tableId, ctx).table
  }

  /** Called when a table closes, whoever closed it. */
  onTableClosed(listener: (tableId: string) => void): () => void {
    this.closeListeners.add(listener)
    return () => this.closeListeners.delete(listener)
  }

  private async close(tableId: string, entry: OpenTable): Promise<void> {
    this.open.delete(tableId)
    for (const listener of [...this.closeListeners]) listener(tableId)
    await entry.table.close()
  }

  pauseTable({ tableId }: { tableId: string }, ctx: RpcContext) {
    this.owned(tableId, ctx).table.pause()
  }

  resumeTable({ tableId }: { tableId: string }, ctx: RpcContext) {
    this.owned(tableId, ctx).table.resume()
  }

  listErrors({ tableId }: { tableId: string }, ctx: RpcContext) {
    return this.owned(tableId, ctx).table.errors.map((e) => ({ ...e }))
  }

  onTableStatus({ tableId }: { tableId: string }, emit: (status: TableStatus) => void, ctx: RpcContext) {
    const { table } = this.owned(tableId, ctx)
    let lastState = table.state
    let lastSent = ''
    let timer: NodeJS.Timeout | null = null
    // an idle table's status is polled every second but sent only when it changed: each push wakes the window
    const send = () => {
      timer = null
      lastState = table.state
      const status = statusOf(tableId, table)
      const text = JSON.stringify(status)
      if (text === lastSent) return
      lastSent = text
      emit(status)
    }
    const schedule = () => {
      if (table.state !== lastState) {
        if (timer) clearTimeout(timer)
        send()
      } else if (!timer) timer = setTimeout(send, STATUS_INTERVAL_MS)
    }
    send()
    const stopUpdates = table.onUpdate(schedule)
    const stopFailure = table.onFailure(schedule)
    const poll = setInterval(schedule, 1000)
    return () => {
      stopUpdates()
      stopFailure()
      clearInterval(poll)
      if (timer) clearTimeout(timer)
    }
  }

  /** Tables opened by a window or socket close with it. */
  async disconnect(connectionId: string): Promise<void> {
    const closing: Promise<void>[] = []
    for (const [tableId, entry] of [...this.open]) {
      if (entry.owner === connectionId) closing.push(this.close(tableId, entry))
    }
    await Promise.allSettled(closing)
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.open].map(([tableId, entry]) => this.close(tableId, entry)))
  }

  get openTableCount(): number {
    return this.open.size
  }

  private propertiesFor(args: OpenTableArgs): OpenTableArgs['properties'] {
    return connectionProperties(args, this.connections)
  }

  private owned(tableId: string, ctx: RpcContext): OpenTable {
    const entry = this.open.get(tableId)
    if (!entry || entry.owner !== ctx.connectionId) throw new AppError('TABLE_NOT_FOUND', `No open table ${tableId}`)
    return entry
  }
}

/** The Kafka properties of a request: the profile's (with secrets) overridden by the request's own. */
export function connectionProperties(args: Pick<OpenTableArgs, 'profileId' | 'properties'>, connections?: ConnectionResolver): OpenTableArgs['properties'] {
  if (args.profileId === undefined) return args.properties
  if (!connections) throw new AppError('PROFILE_NOT_FOUND', 'This engine has no saved profiles')
  return { ...connections.kafkaProperties(args.profileId), ...args.properties }
}

export function toConsumeOptions(args: OpenTableArgs): ConsumeOptions {
  return {
    partitions: args.partitions,
    offsets: args.offsets === undefined ? undefined : Object.fromEntries(Object.entries(args.offsets).map(([p, o]) => [Number(p), o])),
    keySpec: specFromDto(args.keySpec, 'key'),
    valueSpec: specFromDto(args.valueSpec, 'value'),
    tableType: args.tableType,
    onError: args.onError,
    headers: args.headers,
    updateIntervalMs: args.updateIntervalMs ?? FRAME_MS
  }
}

function statusOf(tableId: string, table: Table): TableStatus {
  const stats = table.stats
  return {
    tableId,
    state: table.state,
    failure: table.failure?.message ?? null,
    size: table.size,
    rowsPerSecond: stats.rowsPerSecond,
    bytesPerSecond: stats.bytesPerSecond,
    totalRows: stats.totalRows,
    errorCount: stats.errorCount,
    partitions: stats.partitions.map((p) => ({ ...p }))
  }
}
