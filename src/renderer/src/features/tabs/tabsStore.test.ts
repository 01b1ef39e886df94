import { describe, expect, it } from 'vitest'
import type { TableSession } from '../tables/tableSession'
import { OPEN_TABLE_TAB, createTabsStore } from './tabsStore'

const session = (topic: string) => ({ info: { topic, tableId: topic, columns: [] } }) as unknown as TableSession

describe('tabs store', () => {
  it('starts on the open-table page and shows a new tab at once', () => {
    const store = createTabsStore()
    expect(store.activeId.value).toBe(OPEN_TABLE_TAB)
    const a = store.add(session('a'))
    expect(store.tabs.value.map((t) => t.title)).toEqual(['a'])
    expect(store.activeId.value).toBe(a.id)
  })

  it('shows the neighbour when the active tab closes, then the open-table page', () => {
    const store = createTabsStore()
    const a = store.add(session('a'))
    const b = store.add(session('b'))
    const c = store.add(session('c'))
    store.activate(b.id)
    store.remove(b.id)
    expect(store.activeId.value).toBe(c.id)
    store.remove(c.id)
    expect(store.activeId.value).toBe(a.id)
    store.remove(a.id)
    expect(store.activeId.value).toBe(OPEN_TABLE_TAB)
  })

  it('updates a tab state in place', () => {
    const store = createTabsStore()
    const a = store.add(session('a'))
    store.update(a.id, { state: 'stopped' })
    expect(store.find(a.id)?.state).toBe('stopped')
    expect(store.find(a.id)).not.toBe(a) // a new entry, so components see the change
    store.activate('nope')
    expect(store.activeId.value).toBe(a.id)
  })

  it('numbers further tabs on the same topic', () => {
    const store = createTabsStore()
    store.add(session('orders'))
    const second = store.add(session('orders'))
    store.add(session('orders'))
    expect(store.tabs.value.map((t) => t.title)).toEqual(['orders', 'orders (2)', 'orders (3)'])
    store.remove(second.id)
    expect(store.add(session('orders')).title).toBe('orders (2)')
  })
})
