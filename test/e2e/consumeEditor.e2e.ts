// The consume editor in Chromium over the browser host, against the real broker and registry: a JSON spec built
// from a sample record, preview, an Avro table from a registry subject, and a preset saved and reopened in one click.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'
import protobuf from 'protobufjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootstrap, createTopic, hasRegistry, produce, registryUrl, uniqueSubject, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { ConsumeEditorPage } from './support/consumeEditorPage'
import { connectEngine, type EngineClient } from './support/engineClient'
import { TablesPage } from './support/tablesPage'
import { makeTempDir } from '../support/tempDirs'

let app: AppSession
let engine: EngineClient
let editor: ConsumeEditorPage
let tables: TablesPage
let profileId: string
let jsonTopic: string

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const order = (i: number) => ({ sym: ['AAPL', 'MSFT', 'GOOG'][i % 3], px: 100 + i + 0.5, qty: i, ts: `2026-11-25T10:00:0${i}Z`, info: { venue: 'XNAS' } })

beforeAll(async () => {
  jsonTopic = await createTopic(uniqueTopic('editor-json'), 1)
  await produce(jsonTopic, Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify(order(i)) })))
  app = await openApp({ width: 1360, height: 900, userDataDir: makeTempDir('tt-editor-e2e-') })
  engine = connectEngine(app.host.url)
  const profile = await engine.api.profiles.saveProfile({
    name: 'Local broker',
    bootstrapServers: bootstrap(),
    securityProtocol: 'PLAINTEXT',
    sasl: { mechanism: 'PLAIN', username: '' },
    tls: { verifyHostname: true },
    registry: { url: hasRegistry() ? registryUrl() : undefined, auth: { kind: 'none' } },
    extraProperties: []
  })
  profileId = profile.id
  await app.page.reload() // the editor lists the profiles it finds when it loads
  editor = new ConsumeEditorPage(app.page)
  tables = new TablesPage(app.page)
  await tables.waitReady()
}, 60_000)

afterAll(async () => {
  engine?.close()
  await app?.close()
})

describe('the consume editor', () => {
  it('builds a JSON spec from a sample record, previews it and opens the table', async () => {
    await editor.show()
    await editor.useProfile(profileId)
    await editor.setTopic(jsonTopic)
    await editor.setSpecKind('value', 'json')
    expect(await editor.summary()).toContain('Add at least one column')
    await app.screenshot('editor-01-json-empty')

    await editor.fetchSample()
    for (const pointer of ['/sym', '/px', '/qty', '/ts', '/info/venue']) await editor.clickSampleField(pointer)
    expect(await editor.jsonColumns()).toEqual([
      { name: 'sym', type: 'string', pointer: '/sym' },
      { name: 'px', type: 'float64', pointer: '/px' },
      { name: 'qty', type: 'int64', pointer: '/qty' },
      { name: 'ts', type: 'timestamp', pointer: '/ts' },
      { name: 'info_venue', type: 'string', pointer: '/info/venue' }
    ])
    expect(await editor.summary()).toBe('')
    await app.screenshot('editor-02-json-columns')

    await editor.preview()
    expect(await editor.previewColumns()).toEqual(['KafkaPartition', 'KafkaOffset', 'KafkaTimestamp', 'sym', 'px', 'qty', 'ts', 'info_venue'])
    const rows = await editor.previewRows()
    expect(rows).toHaveLength(5)
    // formatted as the table tab shows them: local time with milliseconds
    expect(rows[1]!.slice(3)).toEqual(['MSFT', '101.5', '1', expect.stringMatching(/^2026-11-2[45] \d\d:\d\d:01\.000$/), 'XNAS'])
    await app.screenshot('editor-03-preview')

    const tab = await editor.open(jsonTopic)
    await tab.waitForViewRowCount(5)
    expect(await tab.cell(2, 'sym')).toBe('GOOG')
    expect(await tab.cell(2, 'px')).toBe('102.5')
    expect(await tab.cell(2, 'info_venue')).toBe('XNAS')
    await waitFor(async () => (await tab.tableRowCount()) === 5, 'the header row count')
    await app.screenshot('editor-04-json-table')
  })

  it('saves the settings as a preset, and reopens the table from it in one click', async () => {
    await editor.show()
    await editor.savePreset('Orders JSON')
    await editor.preset('Orders JSON').waitFor()
    await app.screenshot('editor-05-preset-saved')
    const saved = (await engine.api.presets.listPresets({ profileId })).presets
    expect(saved.map((p) => [p.name, p.args.topic, p.args.valueSpec.kind])).toEqual([['Orders JSON', jsonTopic, 'json']])

    // saving under the same name asks first, then replaces it
    await editor.choose('tableType', 'blink')
    await editor.savePreset('orders json')
    await editor.form.locator('button.replace-preset').waitFor()
    await app.screenshot('editor-05b-preset-replace')
    await editor.form.locator('button.replace-preset').click()
    await waitFor(async () => (await engine.api.presets.listPresets({ profileId })).presets[0]?.args.tableType.kind === 'blink', 'the replaced preset')
    expect((await engine.api.presets.listPresets({ profileId })).presets.map((p) => p.name)).toEqual(['orders json'])
    await editor.choose('tableType', 'append')
    await editor.savePreset('Orders JSON')
    await editor.form.locator('button.replace-preset').click()
    await editor.preset('Orders JSON').waitFor()

    await tables.closeTab(jsonTopic)
    await editor.show()
    const tab = await editor.openPreset('Orders JSON', jsonTopic)
    await tab.waitForViewRowCount(5)
    expect(await tab.cell(0, 'sym')).toBe('AAPL')
    await app.screenshot('editor-06-preset-reopened')
    await tables.closeTab(jsonTopic)

    // the edit icon fills the editor instead
    await editor.show()
    await editor.setTopic('something-else')
    await editor.setSpecKind('value', 'simple')
    await editor.preset('Orders JSON').locator('.preset-edit').click()
    expect(await editor.form.locator('input[name=topic]').inputValue()).toBe(jsonTopic)
    expect((await editor.jsonColumns()).map((c) => c.name)).toEqual(['sym', 'px', 'qty', 'ts', 'info_venue'])
  })

  it('says at each field what is wrong, and keeps Open disabled with a summary', async () => {
    await editor.choose('offsets', 'perPartition')
    expect(await editor.summary()).toContain('Add a row per partition')
    await editor.form.getByRole('button', { name: '+ Partition' }).click()
    await editor.form.locator('input.offset-value').fill('soon')
    const reason = editor.form.locator('[data-error-for="offsets.0.offset"]')
    expect(await reason.textContent()).toBe('An offset (0 or more) or beginning / end / latest')
    expect(await editor.form.locator('button[type=submit]').isDisabled()).toBe(true)
    expect(await editor.summary()).toBe('Offsets: An offset (0 or more) or beginning / end / latest')
    await reason.scrollIntoViewIfNeeded()
    await app.screenshot('editor-08b-field-validation')
    await editor.form.locator('input.offset-value').fill('2')
    await reason.waitFor({ state: 'detached' })
    expect(await editor.summary()).toBe('')
    const tab = await editor.open(jsonTopic)
    await tab.waitForViewRowCount(3)
    expect(await tab.cell(0, 'KafkaOffset')).toBe('2')
    await tables.closeTab(jsonTopic)
    await editor.show()
    await editor.choose('offsets', 'beginning')
  })

  it('shows why a table could not be opened at the field it is about', async () => {
    await editor.setTopic(uniqueTopic('missing'))
    await editor.form.locator('button[type=submit]').click()
    const reason = editor.form.locator('[data-error-for=topic]')
    await reason.waitFor({ timeout: 30_000 })
    expect(await reason.textContent()).toBe('Topic not found')
    expect(await tables.openError().getAttribute('data-error-code')).toBe('UNKNOWN_TOPIC')
    await app.screenshot('editor-09-unknown-topic')
  })

  it.skipIf(!hasRegistry())('opens an Avro table from a registry subject', async () => {
    const topic = await createTopic(uniqueTopic('editor-avro'), 1)
    const subject = uniqueSubject('editor-avro')
    const registry = new SchemaRegistry({ host: registryUrl() })
    const schema = { type: 'record', name: 'Trade', namespace: 'tt.e2e', fields: [{ name: 'sym', type: 'string' }, { name: 'px', type: 'double' }, { name: 'qty', type: 'int' }] }
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject })
    const trades = [{ sym: 'AAPL', px: 189.5, qty: 10 }, { sym: 'MSFT', px: 410.25, qty: 3 }]
    await produce(topic, await Promise.all(trades.map(async (t) => ({ value: await registry.encode(id, t) }))))

    await editor.show()
    await editor.useProfile(profileId)
    await editor.setTopic(topic)
    await editor.setSpecKind('value', 'avro')
    await editor.setAvroSubject(subject)
    await app.screenshot('editor-07-avro-subject')
    const tab = await editor.open(topic)
    await tab.waitForViewRowCount(2)
    expect(await tab.cell(0, 'sym')).toBe('AAPL')
    expect(await tab.cell(1, 'qty')).toBe('3')
    expect(await tab.sourceTitles()).toEqual(['ignore', `avro ${subject} v1 (id ${id})`])
    await waitFor(async () => (await tab.tableRowCount()) === 2, 'the header row count')
    await app.screenshot('editor-08-avro-table')
    await tables.closeTab(topic)
  })

  it('opens a Protobuf table from a pasted .proto and a table through the JSON object processor', async () => {
    const proto = 'syntax = "proto3";\npackage tt.e2e;\nmessage Trade { string sym = 1; double px = 2; int32 qty = 3; }'
    const Trade = protobuf.parse(proto).root.lookupType('tt.e2e.Trade')
    const topic = await createTopic(uniqueTopic('editor-proto'), 1)
    await produce(topic, [{ value: Buffer.from(Trade.encode({ sym: 'AAPL', px: 189.5, qty: 7 }).finish()) }])

    await editor.show()
    await editor.setTopic(topic)
    await editor.setSpecKind('value', 'protobuf')
    const spec = editor.spec('value')
    await spec.locator('label:has(> input[value=pasted])').click()
    await spec.locator('select[aria-label="Value protocol"]').selectOption('raw')
    await spec.locator('textarea.proto').fill(proto)
    expect(await editor.summary()).toBe('Value: Name the message the records hold (package.Message)')
    await spec.locator('input[aria-label="Value message name"]').fill('tt.e2e.Trade')
    await app.screenshot('editor-10-protobuf')
    const tab = await editor.open(topic)
    await tab.waitForViewRowCount(1)
    expect(await tab.cell(0, 'sym')).toBe('AAPL')
    expect(await tab.cell(0, 'qty')).toBe('7')
    await tables.closeTab(topic)

    await editor.show()
    await editor.setTopic(jsonTopic)
    await editor.setSpecKind('value', 'jsonObject')
    const text = editor.spec('value').locator('textarea.json-object')
    await text.fill('{"fields": {"sym": {"kind": "string"}, "px": {"kind": "dubble"}}}')
    expect(await editor.form.locator('[data-error-for="value.jsonObject.text"]').textContent()).toMatch(/^fields\.px\.kind: /)
    await text.fill('{"fields": {"sym": {"kind": "string"}, "px": {"kind": "double"}, "info": {"kind": "object", "fields": {"venue": {"kind": "string"}}}}}')
    await app.screenshot('editor-11-json-object')
    const objectTab = await editor.open(jsonTopic)
    await objectTab.waitForViewRowCount(5)
    expect(await objectTab.cell(1, 'sym')).toBe('MSFT')
    expect(await objectTab.cell(1, 'info_venue')).toBe('XNAS')
    expect(await objectTab.root.locator('.info-bar .specs').textContent()).toContain('json object (3 fields)')
    await waitFor(async () => (await objectTab.tableRowCount()) === 5, 'the header row count')
    await app.screenshot('editor-12-json-object-table')
  })

  it('turns a pasted Deephaven kc.consume(...) snippet into editor settings and names what it cannot map', async () => {
    const snippetTopic = await createTopic(uniqueTopic('editor-snippet'), 1)
    await produce(snippetTopic, Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify(order(i)) })))
    await editor.show()
    await editor.useProfile(profileId)
    const snippet = [
      'from deephaven.stream.kafka import consumer as kc',
      'from deephaven import dtypes as dht',
      '',
      "cfg = {'bootstrap.servers': 'ignored-with-a-profile:9092', 'deephaven.offset.column.name': 'Off'}",
      'orders = kc.consume(',
      '    cfg,',
      `    '${snippetTopic}',`,
      '    offsets=kc.ALL_PARTITIONS_SEEK_TO_BEGINNING,',
      "    key_spec=kc.simple_spec('OrderKey', dht.string),",
      "    value_spec=kc.json_spec({'sym': dht.string, 'px': dht.double, 'qty': dht.int64}),",
      '    table_type=kc.TableType.ring(1000),',
      ')',
      "orders = orders.update(['Notional = px * qty'])"
    ].join('\n')
    const report = await editor.pasteSnippet(snippet)
    expect(report.summary).toContain(snippetTopic)
    expect(report.unmapped).toMatch(/line 13/)
    await app.screenshot('editor-13-snippet-translated')
    await editor.applySnippet()
    expect(await editor.form.locator('input[name=topic]').inputValue()).toBe(snippetTopic)
    expect((await editor.jsonColumns()).map((c) => [c.name, c.type])).toEqual([
      ['sym', 'string'],
      ['px', 'float64'],
      ['qty', 'int64']
    ])
    await app.screenshot('editor-14-snippet-applied')
    const tab = await editor.open(snippetTopic)
    await tab.waitForViewRowCount(5)
    expect(await tab.headerNames()).toEqual(expect.arrayContaining(['Off', 'OrderKey', 'sym', 'px', 'qty']))
    expect(await tab.cell(0, 'OrderKey')).toBe('k0')
    await app.screenshot('editor-15-snippet-table')
  })
})
