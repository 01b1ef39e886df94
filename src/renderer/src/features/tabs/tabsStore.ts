import { markRaw, shallowRef } from 'vue'
import { EMPTY_GRID_VIEW_STATE, type GridViewState } from '../../../../shared/model/workspace'
import type { TableSession } from '../tables/tableSession'

/** A tab: one table session. Entries are immutable (an update replaces the entry); the session is markRaw. */
export interface TableTabEntry {
  readonly id: string
  readonly title: string
  readonly session: TableSession
  /** 'stopped': the user stopped the table; the tab stays until closed (it can reopen the same table). */
  readonly state: 'open' | 'stopped'
  /** The grid's sort, filters, widths and hidden columns: what a workspace saves and restores. */
  readonly view: GridViewState
  /** Why a stopped tab is stopped when the user did not stop it (a restored table that could not open). */
  readonly note?: string
}

/** The "open a table" page is the tab with this id. */
export const OPEN_TABLE_TAB = 'open-table'

/** The open tabs and which one shows: UI state only (rows live in each grid's model, never here). */
export function createTabsStore() {
  const tabs = shallowRef<readonly TableTabEntry[]>([])
  const activeId = shallowRef<string>(OPEN_TABLE_TAB)
  let nextId = 1

  function add(session: TableSession, options: { view?: GridViewState; state?: TableTabEntry['state']; activate?: boolean; note?: string } = {}): TableTabEntry {
    const entry: TableTabEntry = {
      id: `tab-${nextId++}`,
      title: uniqueTitle(session.info.topic, tabs.value),
      session: markRaw(session),
      state: options.state ?? 'open',
      view: options.view ?? EMPTY_GRID_VIEW_STATE,
      ...(options.note ? { note: options.note } : {})
    }
    tabs.value = [...tabs.value, entry]
    if (options.activate !== false) activeId.value = entry.id
    return entry
  }

  function find(id: string): TableTabEntry | undefined {
    return tabs.value.find((t) => t.id === id)
  }

  function update(id: string, change: Partial<Pick<TableTabEntry, 'session' | 'state' | 'view' | 'note'>>): void {
    const session = change.session ? markRaw(change.session) : undefined
    tabs.value = tabs.value.map((t) => (t.id === id ? { ...t, ...change, ...(session ? { session } : {}) } : t))
  }

  /** Removes the tab (its grid unmounts) and shows its neighbour; the caller closes the session. */
  function remove(id: string): TableTabEntry | undefined {
    const index = tabs.value.findIndex((t) => t.id === id)
    if (index < 0) return undefined
    const entry = tabs.value[index]
    const rest = tabs.value.filter((t) => t.id !== id)
    tabs.value = rest
    if (activeId.value === id) activeId.value = rest[Math.min(index, rest.length - 1)]?.id ?? OPEN_TABLE_TAB
    return entry
  }

  function activate(id: string): void {
    if (id === OPEN_TABLE_TAB || find(id)) activeId.value = id
  }

  return { tabs, activeId, add, find, update, remove, activate }
}

export type TabsStore = ReturnType<typeof createTabsStore>

/** A second tab on the same topic is "orders (2)", so tabs (and the workspace) tell them apart. */
function uniqueTitle(topic: string, open: readonly TableTabEntry[]): string {
  const taken = new Set(open.map((t) => t.title))
  if (!taken.has(topic)) return topic
  let n = 2
  while (taken.has(`${topic} (${n})`)) n++
  return `${topic} (${n})`
}
