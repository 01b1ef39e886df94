import type { OpenTableArgs } from '../../../../shared/model/tables'
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
  async function open(args: OpenTableArgs, signal?: AbortSignal): Promise<void> {
    const info = await api.tables.openTable(args, { signal })
    store.add(new TableSession(info, args, api))
    onChange()
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
    store.update(id, { session: new TableSession(info, entry.session.args, api), state: 'open' })
    onChange()
  }

  return { store, open, close, stop, reopen }
}

export type TableTabs = ReturnType<typeof useTableTabs>
