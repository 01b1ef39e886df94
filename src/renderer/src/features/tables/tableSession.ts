import { isAppError } from '../../../../shared/ipc/errors'
import type { OpenTableArgs, TableInfo } from '../../../../shared/model/tables'
import type { Api } from '../../ipc/api'
import { specSummary } from './argsSummary'

/**
 * One open table in the engine and the view a tab has on it. Plain (not reactive): the tab's components
 * read it, the grid registers its view here, and close() releases both on the engine side.
 */
let placeholders = 0

export class TableSession {
  /** Set by the grid once its view is open. */
  viewId: string | null = null
  private closing: Promise<void> | null = null

  constructor(
    readonly info: TableInfo,
    readonly args: OpenTableArgs,
    private readonly api: Pick<Api, 'tables' | 'views'>
  ) {}

  /** A tab's session before (or without) its table: a restored tab that is stopped or failed to open. */
  static placeholder(args: OpenTableArgs, api: Pick<Api, 'tables' | 'views'>): TableSession {
    const session = new TableSession({ tableId: `none-${++placeholders}`, topic: args.topic, columns: [], sources: { key: specSummary(args.keySpec), value: specSummary(args.valueSpec) } }, args, api)
    session.closing = Promise.resolve()
    return session
  }

  get tableId(): string {
    return this.info.tableId
  }

  get closed(): boolean {
    return this.closing !== null
  }

  pause(): Promise<void> {
    return this.api.tables.pauseTable({ tableId: this.tableId })
  }

  resume(): Promise<void> {
    return this.api.tables.resumeTable({ tableId: this.tableId })
  }

  /** Closes the view, then the table (which stops its consumer). Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.release()
    return this.closing
  }

  private async release(): Promise<void> {
    const viewId = this.viewId
    this.viewId = null
    if (viewId) await this.api.views.closeView({ viewId }).catch(ignoreGone)
    await this.api.tables.closeTable({ tableId: this.tableId }).catch(ignoreGone)
  }
}

/** Closing something the engine already dropped (failed table, closed connection) is not an error. */
function ignoreGone(error: unknown): void {
  if (isAppError(error) && ['TABLE_NOT_FOUND', 'VIEW_NOT_FOUND', 'NOT_FOUND', 'CLOSED'].includes(error.code)) return
  throw error
}
