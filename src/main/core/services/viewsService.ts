import { randomUUID } from 'node:crypto'
import type { ImplOf, RpcContext } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { views } from '../../../shared/contracts/views'
import type { SetViewportArgs, ViewportDataDto, ViewSpecDto } from '../../../shared/model/views'
import type { TableView } from '../views/tableView'
import { ViewSpecError } from '../views/viewSpecValidation'
import type { TablesService } from './tablesService'

/** At most one viewport push per view per animation frame. */
const PUSH_INTERVAL_MS = 16

interface OpenView {
  readonly view: TableView
  readonly tableId: string
  readonly owner: string
  viewport: { first: number; last: number; columns?: string[]; anchor?: 'start' | 'end' } | null
}

/** Views of open tables: sort, filter and project in the engine, and send only the rows a client can see. */
export class ViewsService implements ImplOf<typeof views> {
  private readonly open = new Map<string, OpenView>()

  constructor(private readonly tables: TablesService) {
    tables.onTableClosed((tableId) => {
      for (const [viewId, entry] of [...this.open]) if (entry.tableId === tableId) this.close(viewId, entry)
    })
  }

  openView({ tableId, spec }: { tableId: string; spec: ViewSpecDto }, ctx: RpcContext) {
    const table = this.tables.tableFor(tableId, ctx)
    const view = withSpecErrors(() => table.view(spec))
    const viewId = randomUUID()
    this.open.set(viewId, { view, tableId, owner: ctx.connectionId, viewport: null })
    return { viewId, rowCount: view.rowCount }
  }

  setViewSpec({ viewId, spec }: { viewId: string; spec: ViewSpecDto }, ctx: RpcContext) {
    const { view } = this.owned(viewId, ctx)
    withSpecErrors(() => view.setSpec(spec))
    return { rowCount: view.rowCount }
  }

  setViewport({ viewId, first, last, columns, anchor }: SetViewportArgs, ctx: RpcContext) {
    const entry = this.owned(viewId, ctx)
    entry.viewport = { first, last, columns, anchor }
    return this.read(viewId, entry)
  }

  readRows({ viewId, first, last, columns, anchor }: SetViewportArgs, ctx: RpcContext) {
    return this.readWindow(viewId, this.owned(viewId, ctx), { first, last, columns, anchor })
  }

  closeView({ viewId }: { viewId: string }, ctx: RpcContext) {
    this.close(viewId, this.owned(viewId, ctx))
  }

  onViewportData({ viewId }: { viewId: string }, emit: (data: ViewportDataDto) => void, ctx: RpcContext) {
    const entry = this.owned(viewId, ctx)
    let timer: NodeJS.Timeout | null = null
    let lastPush = 0
    const push = () => {
      timer = null
      lastPush = performance.now()
      if (entry.viewport !== null && !entry.view.disposed) emit(this.read(viewId, entry))
    }
    const stop = entry.view.onChange(() => {
      if (timer) return
      const wait = PUSH_INTERVAL_MS - (performance.now() - lastPush)
      if (wait <= 0) push()
      else timer = setTimeout(push, wait)
    })
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }

  disconnect(connectionId: string): void {
    for (const [viewId, entry] of [...this.open]) if (entry.owner === connectionId) this.close(viewId, entry)
  }

  get openViewCount(): number {
    return this.open.size
  }

  private read(viewId: string, entry: OpenView): ViewportDataDto {
    return this.readWindow(viewId, entry, entry.viewport!)
  }

  private readWindow(viewId: string, entry: OpenView, window: NonNullable<OpenView['viewport']>): ViewportDataDto {
    const { first, last, columns, anchor } = window
    const size = last - first
    const from = anchor === 'end' ? Math.max(0, entry.view.rowCount - size) : first
    return withSpecErrors(() => ({ viewId, ...entry.view.viewport(from, from + size - 1, columns) }))
  }

  private close(viewId: string, entry: OpenView): void {
    this.open.delete(viewId)
    entry.view.dispose()
  }

  private owned(viewId: string, ctx: RpcContext): OpenView {
    const entry = this.open.get(viewId)
    if (!entry || entry.owner !== ctx.connectionId) throw new AppError('VIEW_NOT_FOUND', `No open view ${viewId}`)
    return entry
  }
}

function withSpecErrors<T>(work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof ViewSpecError) throw new AppError('BAD_VIEW_SPEC', e.message)
    if (e instanceof RangeError) throw new AppError('BAD_ARGS', e.message)
    throw e
  }
}
