import { nextTick, shallowRef, watch } from 'vue'
import { errorMessage } from '../../../../shared/ipc/errors'
import type { Api } from '../../ipc/api'
import type { AppNavigation } from '../shell/navigation'
import type { TableTabs } from '../tabs/useTableTabs'
import { workspaceSnapshot } from './workspaceSnapshot'

const SAVE_DELAY_MS = 300

/**
 * Saved workspaces: on start the tabs (from their table arguments, not their data), their views and the active
 * tab come back; afterwards every change is saved, at most every SAVE_DELAY_MS.
 */
export function useWorkspace(api: Pick<Api, 'workspace'>, tabs: TableTabs, navigation: AppNavigation) {
  const state = shallowRef<'restoring' | 'ready'>('restoring')
  /** Why the workspace could not be read or saved, for the status bar. */
  const problem = shallowRef<string | null>(null)
  /** Secret properties of ad-hoc tabs that were not saved (they must be typed again after a restart). */
  const droppedProperties = shallowRef<string[]>([])
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> = Promise.resolve()

  async function save(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    const snapshot = workspaceSnapshot(tabs.store.tabs.value, tabs.store.activeId.value, navigation.section.value)
    saving = saving.then(async () => {
      try {
        droppedProperties.value = (await api.workspace.saveWorkspace(snapshot)).droppedProperties
        problem.value = null
      } catch (e) {
        problem.value = `The workspace could not be saved: ${errorMessage(e)}`
      }
    })
    await saving
  }

  function scheduleSave(): void {
    if (state.value !== 'ready') return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void save(), SAVE_DELAY_MS)
  }

  async function restore(): Promise<void> {
    try {
      const loaded = await api.workspace.loadWorkspace()
      if (loaded.problem) problem.value = loaded.problem
      const saved = loaded.workspace
      if (saved) {
        await tabs.restore(saved.tabs)
        const active = saved.activeTab === null ? undefined : tabs.store.tabs.value[saved.activeTab]
        if (active) tabs.store.activate(active.id)
        if (saved.section) navigation.show(saved.section)
      }
    } catch (e) {
      problem.value = `The saved workspace could not be restored: ${errorMessage(e)}`
    } finally {
      await nextTick() // the watchers the restore itself triggered run first: restoring is not a change to save
      state.value = 'ready'
    }
  }

  watch([tabs.store.tabs, tabs.store.activeId, navigation.section], scheduleSave)

  return {
    state,
    problem,
    droppedProperties,
    restore,
    /** Saves now (tests, and before the window goes away). */
    flush: () => (timer ? save() : saving)
  }
}
