import type { Workspace } from '../../../../shared/model/workspace'
import type { Section } from '../shell/navigation'
import type { TableTabEntry } from '../tabs/tabsStore'

/** What is saved of the app's state: each tab's table arguments and grid view, the active tab, the section. */
export function workspaceSnapshot(tabs: readonly TableTabEntry[], activeId: string, section: Section): Workspace {
  const active = tabs.findIndex((t) => t.id === activeId)
  return {
    version: 1,
    // a tab that could not be reopened (it has a note) is tried again next time; only the user's Stop sticks
    tabs: tabs.map((t) => ({ title: t.title, args: t.session.args, view: t.view, stopped: t.state === 'stopped' && t.note === undefined })),
    activeTab: active >= 0 ? active : null,
    section
  }
}
