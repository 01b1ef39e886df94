import { errorMessage } from '../../../../shared/ipc/errors'
import type { OpenTableArgs } from '../../../../shared/model/tables'
import type { GridViewState, WorkspaceTab } from '../../../../shared/model/workspace'
import type { Api } from '../../ipc/api'
import { TableSession } from '../tables/tableSession'
import { createTabsStore } from './tabsStore'

/**
 * Tabs of open tables, with what opening, stopping and closing one means on the engine side: a tab's
 * consumer runs from openTable until the tab is stopped or closed (closeView + closeTable).
 */
export function useTableTabs(api: Pick<Api, 'tables' | 'views'>, onChange: () => void = () => {}) {
  const store = createTabsStore()

  /** Opens the table and shows it in a new tab; rejects with the engine's AppError (UNKNOWN_TOPIC, ...). */
  async function open(args: OpenTableArgs, signal?: AbortSignal, view?: GridViewState): Promise<void> {
    const info = await api.tables.openTable(args, { signal })
    store.add(new TableSession(info, args, api), { view })
    onChange()
  }

  /**
   * The tabs of a saved workspace, in their order: opened again concurrently (or left stopped); a table that
   * cannot open becomes a stopped tab saying why.
   */
  async function restore(saved: readonly WorkspaceTab[]): Promise<void> {
    const opened = await Promise.allSettled(saved.map((tab) => (tab.stopped ? Promise.resolve(null) : api.tables.openTable(tab.args))))
    saved.forEach((tab, i) => {
      const result = opened[i]!
      if (result.status === 'fulfilled' && result.value) {
        store.add(new TableSession(result.value, tab.args, api), { view: tab.view, activate: false })
      } else {
        const note = result.status === 'rejected' ? `Could not open it again: ${errorMessage(result.reason)}` : undefined
        store.add(TableSession.placeholder(tab.args, api), { view: tab.view, state: 'stopped', activate: false, note })
      }
    })
    onChange()
  }

  function setView(id: string, view: GridViewState): void {
    store.update(id, { view })
  }

  async function close(id: string): Promise<void> {
    const entry = store.find(id)
    if (!entry) return
    const closing = entry.session.close()
    store.remove(id)
    await closing.finally(onChange)
  }

  /** Stops the consumer and drops the table; the tab stays, to reopen the same table or close. */
  async function stop(id: string): Promise<void> {
    const entry = store.find(id)
    if (!entry || entry.state === 'stopped') return
    const closing = entry.session.close()
    store.update(id, { state: 'stopped' })
    await closing.finally(onChange)
  }

  async function reopen(id: string): Promise<void> {
    const entry = store.find(id)
    if (!entry) return
    const info = await api.tables.openTable(entry.session.args)
    store.update(id, { session: new TableSession(info, entry.session.args, api), state: 'open', note: undefined })
    onChange()
  }

  return { store, open, restore, setView, close, stop, reopen }
}

export type TableTabs = ReturnType<typeof useTableTabs>
