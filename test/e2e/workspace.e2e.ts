// Saved workspaces: tabs, their views (sort, filters, hidden columns) and the active tab come back after the
// host restarts with the same user-data folder, re-opened from their table arguments (not their data).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootstrap, createTopic, produce, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { int32 } from './support/bulkProduce'
import { TablesPage } from './support/tablesPage'
import { makeTempDir } from '../support/tempDirs'

const userDataDir = makeTempDir('tt-workspace-')
let app: AppSession | null = null
let orders: string
let trades: string

const rows = (n: number) => Array.from({ length: n }, (_, k) => ({ key: `k${k % 5}`, value: int32(k) }))

async function start(): Promise<TablesPage> {
  app = await openApp({ userDataDir })
  const page = new TablesPage(app.page)
  await page.waitReady()
  return page
}

async function stop(): Promise<void> {
  await app?.close()
  app = null
}

beforeAll(async () => {
  orders = await createTopic(uniqueTopic('ws-orders'), 1)
  trades = await createTopic(uniqueTopic('ws-trades'), 1)
  await produce(orders, rows(50))
  await produce(trades, rows(20))
})

afterAll(stop)

describe('saved workspace', () => {
  it('restores tabs, sort, filters, hidden columns and the active tab after a restart', async () => {
    let page = await start()
    const spec = { bootstrap: bootstrap(), key: { column: 'Key', type: 'string' as const }, value: { column: 'Value', type: 'int32' as const } }
    const a = await page.openTable({ ...spec, topic: orders })
    await a.waitForViewRowCount(50)
    await a.clickHeader('Value')
    await a.clickHeader('Value')
    await a.filterText('Key', 'k3')
    await a.waitForViewRowCount(10)
    await a.toggleColumn('KafkaTimestamp')
    expect(await a.headerNames()).not.toContain('KafkaTimestamp')
    const b = await page.openTable({ ...spec, topic: trades })
    await b.waitForViewRowCount(20)
    await page.tabButton(orders).click()
    await app!.screenshot('workspace-01-before-restart')
    await new Promise((r) => setTimeout(r, 800)) // the save is debounced
    const saved = JSON.parse(readFileSync(join(userDataDir, 'workspace.json'), 'utf8')) as { tabs: { title: string }[]; activeTab: number }
    expect(saved.tabs.map((t) => t.title)).toEqual([orders, trades])
    await stop()

    page = await start()
    expect(await page.tabTitles()).toEqual([orders, trades])
    expect(await page.activeTabTitle()).toBe(orders)
    const restored = page.tab(orders)
    await restored.waitForViewRowCount(10)
    expect(await restored.sortOf('Value')).toBe('descending')
    expect(await restored.filterInput('Key')).toMatchObject({ mode: 'contains', text: 'k3' })
    expect(await restored.headerNames()).not.toContain('KafkaTimestamp')
    expect(await restored.headerNames()).toContain('Value')
    await restored.waitForCell(0, 'Value', '48')
    for (let i = 0; i < 50 && (await restored.tableRowCount()) !== 50; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await restored.tableRowCount()).toBe(50)
    await app!.screenshot('workspace-02-restored')
    await page.tabButton(trades).click()
    await page.tab(trades).waitForViewRowCount(20)
    await app!.screenshot('workspace-03-second-tab-restored')
  })

  it('restores a table that cannot open as a stopped tab saying why', async () => {
    await stop()
    const bogus = uniqueTopic('ws-gone')
    // the saved second tab now points at a topic that does not exist
    const ws = JSON.parse(readFileSync(join(userDataDir, 'workspace.json'), 'utf8')) as { tabs: { title: string; args: { topic: string } }[] }
    ws.tabs[1] = { ...ws.tabs[1]!, title: bogus, args: { ...ws.tabs[1]!.args, topic: bogus } }
    writeFileSync(join(userDataDir, 'workspace.json'), JSON.stringify(ws))
    const again = await start()
    expect(await again.tabTitles()).toEqual([orders, bogus])
    await again.tabButton(bogus).click()
    const tab = again.tab(bogus)
    expect(await tab.state()).toBe('stopped')
    expect(await tab.root.locator('.stopped-panel .note').textContent()).toMatch(new RegExp(`Could not open it again: .*${bogus}`))
    await app!.screenshot('workspace-04-unopenable-tab')
  })
})
