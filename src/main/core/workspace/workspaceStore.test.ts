import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../../shared/model/workspace'
import { crashingFs, SimulatedCrash, tempDir } from '../profiles/testSupport'
import { WORKSPACE_FILE, WorkspaceStore } from './workspaceStore'

const tab = (title: string, properties: Record<string, string> = {}): Workspace['tabs'][number] => ({
  title,
  args: { properties, topic: title, keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'Value' }, tableType: { kind: 'append' } },
  view: { sort: [{ column: 'Value', desc: true }], filters: [{ column: 'Value', mode: 'contains', text: 'x', min: '', max: '' }], widths: { Value: 300 }, hidden: ['KafkaOffset'] },
  stopped: false
})

const workspace = (...tabs: Workspace['tabs']): Workspace => ({ version: 1, tabs, activeTab: tabs.length ? 0 : null, section: 'tables' })

describe('WorkspaceStore', () => {
  it('starts empty and round-trips a workspace', async () => {
    const store = new WorkspaceStore(tempDir())
    expect(await store.load()).toEqual({ workspace: null })
    const saved = workspace(tab('orders', { 'bootstrap.servers': 'b:9092' }), tab('trades'))
    await store.save(saved)
    expect((await store.load()).workspace).toEqual(saved)
  })

  it('never writes secret-looking properties of ad-hoc tabs, and says which it dropped', async () => {
    const dir = tempDir()
    const store = new WorkspaceStore(dir)
    const result = await store.save(
      workspace(tab('orders', { 'bootstrap.servers': 'b:9092', 'sasl.jaas.config': 'x password="hunter2";', 'ssl.key.password': 'pw', 'basic.auth.user.info': 'u:pw' }))
    )
    expect(result.droppedProperties).toEqual(['basic.auth.user.info', 'sasl.jaas.config', 'ssl.key.password'])
    const text = readFileSync(join(dir, WORKSPACE_FILE), 'utf8')
    expect(text).not.toMatch(/hunter2|u:pw/)
    expect((await store.load()).workspace?.tabs[0]?.args.properties).toEqual({ 'bootstrap.servers': 'b:9092' })
    expect(statSync(join(dir, WORKSPACE_FILE)).mode & 0o777).toBe(0o600)
  })

  it('keeps the previous workspace when the app dies mid-save', async () => {
    const dir = tempDir()
    await new WorkspaceStore(dir).save(workspace(tab('before')))
    const fs = crashingFs('midWrite', 1)
    await expect(new WorkspaceStore(dir, fs).save(workspace(tab('after')))).rejects.toBeInstanceOf(SimulatedCrash)
    expect((await new WorkspaceStore(dir).load()).workspace?.tabs.map((t) => t.title)).toEqual(['before'])
  })

  it('reports an unreadable file instead of failing, and leaves it in place', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, WORKSPACE_FILE), '{ not json')
    const loaded = await new WorkspaceStore(dir).load()
    expect(loaded.workspace).toBeNull()
    expect(loaded.problem).toMatch(/not valid JSON/)
    writeFileSync(join(dir, WORKSPACE_FILE), JSON.stringify({ version: 9 }))
    expect((await new WorkspaceStore(dir).load()).problem).toMatch(/not a workspace/)
    expect(readFileSync(join(dir, WORKSPACE_FILE), 'utf8')).toContain('version')
  })

  it('runs saves one at a time: the last one wins', async () => {
    const store = new WorkspaceStore(tempDir())
    await Promise.all([store.save(workspace(tab('a'))), store.save(workspace(tab('b'))), store.save(workspace(tab('c')))])
    expect((await store.load()).workspace?.tabs.map((t) => t.title)).toEqual(['c'])
  })
})
