import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/ipc/errors'
import { OPEN_TABLE_TAB } from './tabsStore'
import { useTableTabs } from './useTableTabs'

const args = { properties: {}, topic: 'orders', keySpec: { kind: 'ignore' as const }, valueSpec: { kind: 'ignore' as const }, tableType: { kind: 'append' as const } }

function fakeApi() {
  const calls: string[] = []
  let next = 1
  const api = {
    tables: {
      openTable: async (a: { topic: string }) => {
        if (a.topic === 'missing') throw new AppError('UNKNOWN_TOPIC', 'nope')
        calls.push('openTable')
        return { tableId: `t${next++}`, topic: a.topic, columns: [], sources: { key: 'ignore', value: 'ignore' } }
      },
      closeTable: async (a: { tableId: string }) => void calls.push(`closeTable ${a.tableId}`)
    },
    views: { closeView: async (a: { viewId: string }) => void calls.push(`closeView ${a.viewId}`) }
  }
  return { api: api as never, calls }
}

describe('useTableTabs', () => {
  it('opens a table in a new tab and closes view and table with the tab', async () => {
    const { api, calls } = fakeApi()
    let changes = 0
    const tabs = useTableTabs(api, () => changes++)
    await tabs.open(args)
    const [tab] = tabs.store.tabs.value
    expect(tabs.store.activeId.value).toBe(tab.id)
    tab.session.viewId = 'v1'
    await tabs.close(tab.id)
    expect(calls).toEqual(['openTable', 'closeView v1', 'closeTable t1'])
    expect(tabs.store.tabs.value).toEqual([])
    expect(tabs.store.activeId.value).toBe(OPEN_TABLE_TAB)
    expect(changes).toBe(2)
  })

  it('stops a table but keeps its tab, and opens it again', async () => {
    const { api, calls } = fakeApi()
    const tabs = useTableTabs(api)
    await tabs.open(args)
    const id = tabs.store.tabs.value[0].id
    await tabs.stop(id)
    expect(tabs.store.find(id)?.state).toBe('stopped')
    await tabs.reopen(id)
    expect(tabs.store.find(id)?.state).toBe('open')
    expect(tabs.store.find(id)?.session.tableId).toBe('t2')
    expect(calls).toEqual(['openTable', 'closeTable t1', 'openTable'])
  })

  it('adds no tab when the table cannot be opened', async () => {
    const { api } = fakeApi()
    const tabs = useTableTabs(api)
    await expect(tabs.open({ ...args, topic: 'missing' })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC' })
    expect(tabs.store.tabs.value).toEqual([])
  })
})
