import { describe, expect, it } from 'vitest'
import { EMPTY_GRID_VIEW_STATE, WorkspaceSchema } from '../../../../shared/model/workspace'
import type { TableTabEntry } from '../tabs/tabsStore'
import { workspaceSnapshot } from './workspaceSnapshot'

const entry = (id: string, topic: string, state: TableTabEntry['state'] = 'open'): TableTabEntry =>
  ({
    id,
    title: topic,
    state,
    view: { ...EMPTY_GRID_VIEW_STATE, hidden: ['KafkaOffset'] },
    session: { args: { properties: {}, profileId: 'p1', topic, keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'V' }, tableType: { kind: 'append' } } }
  }) as unknown as TableTabEntry

describe('workspaceSnapshot', () => {
  it('keeps each tab’s table arguments and view, the active tab and the section', () => {
    const snapshot = workspaceSnapshot([entry('t1', 'a'), entry('t2', 'b', 'stopped')], 't2', 'registry')
    expect(WorkspaceSchema.parse(snapshot)).toEqual(snapshot)
    expect(snapshot.activeTab).toBe(1)
    expect(snapshot.section).toBe('registry')
    expect(snapshot.tabs.map((t) => [t.title, t.stopped, t.args.profileId, t.view.hidden])).toEqual([
      ['a', false, 'p1', ['KafkaOffset']],
      ['b', true, 'p1', ['KafkaOffset']]
    ])
  })

  it('has no active tab when the new-table tab shows', () => {
    expect(workspaceSnapshot([entry('t1', 'a')], 'open-table', 'tables').activeTab).toBeNull()
  })

  it('saves a tab that could not be reopened as open, so the next start tries again', () => {
    const failed = { ...entry('t1', 'a', 'stopped'), note: 'Could not open it again: broker down' } as TableTabEntry
    expect(workspaceSnapshot([failed], 't1', 'tables').tabs[0]!.stopped).toBe(false)
  })
})
