import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import type { Workspace } from '../../../../shared/model/workspace'
import { createNavigation } from '../shell/navigation'
import type { TableTabs } from '../tabs/useTableTabs'
import { createTabsStore } from '../tabs/tabsStore'
import { useWorkspace } from './useWorkspace'

function fakes(saved: Workspace | null) {
  const saves: Workspace[] = []
  const api = {
    workspace: {
      loadWorkspace: vi.fn(async () => ({ workspace: saved })),
      saveWorkspace: vi.fn(async (w: Workspace) => {
        saves.push(w)
        return { droppedProperties: [] }
      })
    }
  }
  const store = createTabsStore()
  const restored: Workspace['tabs'][] = []
  const tabs = { store, restore: vi.fn(async (t: Workspace['tabs']) => void restored.push(t)) } as unknown as TableTabs
  return { api, tabs, saves, restored }
}

describe('useWorkspace', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('restores the saved tabs and section, then saves changes after a short delay, once', async () => {
    const saved: Workspace = { version: 1, tabs: [], activeTab: null, section: 'registry' }
    const { api, tabs, saves } = fakes(saved)
    const navigation = createNavigation()
    const scope = effectScope()
    const ws = scope.run(() => useWorkspace(api as never, tabs, navigation))!
    await ws.restore()
    expect(navigation.section.value).toBe('registry')
    expect(ws.state.value).toBe('ready')
    navigation.show('tables')
    await nextTick()
    navigation.show('connections')
    await nextTick()
    expect(saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(400)
    expect(saves.map((w) => w.section)).toEqual(['connections'])
    scope.stop()
  })

  it('flush saves a pending change at once and the timer does not save it again', async () => {
    const { api, tabs, saves } = fakes(null)
    const navigation = createNavigation()
    const scope = effectScope()
    const ws = scope.run(() => useWorkspace(api as never, tabs, navigation))!
    await ws.restore()
    navigation.show('registry')
    await nextTick()
    await ws.flush()
    expect(saves.map((w) => w.section)).toEqual(['registry'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(saves).toHaveLength(1)
    scope.stop()
  })

  it('does not save while restoring (the restore itself is not a change)', async () => {
    const { api, tabs, saves } = fakes({ version: 1, tabs: [], activeTab: null, section: 'connections' })
    const scope = effectScope()
    const ws = scope.run(() => useWorkspace(api as never, tabs, createNavigation()))!
    await ws.restore()
    await vi.advanceTimersByTimeAsync(1000)
    expect(saves).toHaveLength(0)
    scope.stop()
  })
})
