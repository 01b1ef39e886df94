// The schema-registry browser in Chromium against the browser host, the real broker and the real Apicurio
// registry (through its authenticating proxy, with the profile's basic-auth credentials).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRegistryClient } from '../../src/main/core/registry'
import { bootstrap, hasRegistry, registryAuthUrl, registryCredentials, registryProps, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { connectProfiles, RegistryPage } from './support/registryPage'
import { makeTempDir } from '../support/tempDirs'

const ORDER_V1 = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'qty', type: 'int' }] }
const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'note', type: ['null', 'string'], default: null }] }
const MONEY_PROTO = 'syntax = "proto3";\npackage common;\n\n// an amount in minor units\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n'
const PRICE_PROTO =
  'syntax = "proto3";\npackage shop;\n\nimport "common/money.proto";\n\nmessage Price {\n  string sku = 1;\n  common.Money amount = 2;\n  repeated string tags = 3;\n}\n'

const EVENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { id: { type: 'string' }, count: { type: 'integer' }, at: { type: 'string', format: 'date-time' } }
}

describe.runIf(hasRegistry())('schema registry browser', () => {
  let app: AppSession
  let registryPage: RegistryPage
  const prefix = uniqueTopic('e2ereg')
  const orders = `${prefix}-orders`
  const avroSubject = `${orders}-value`
  const moneySubject = `${prefix}-money`
  const priceSubject = `${prefix}-prices-value`
  const eventSubject = `${prefix}-events-value`

  beforeAll(async () => {
    const admin = createRegistryClient(registryProps())
    try {
      await admin.register(avroSubject, JSON.stringify(ORDER_V1))
      await admin.register(avroSubject, JSON.stringify(ORDER_V2))
      await admin.register(moneySubject, MONEY_PROTO, 'PROTOBUF')
      await admin.register(priceSubject, PRICE_PROTO, 'PROTOBUF', [{ name: 'common/money.proto', subject: moneySubject, version: 1 }])
      await admin.setCompatibility('FULL', priceSubject)
      await admin.register(eventSubject, JSON.stringify(EVENT_SCHEMA), 'JSON')
    } finally {
      admin.close()
    }
    app = await openApp({ userDataDir: makeTempDir('tt-e2e-registry-'), height: 860 })
    registryPage = new RegistryPage(app.page)
  })
  afterAll(() => app?.close())

  it('says when no profile has a registry URL and offers to go to Connections', async () => {
    await registryPage.open()
    await expect(registryPage.noRegistryMessage().textContent()).resolves.toContain('no connection profiles yet')
    await app.screenshot('registry-01-no-profile')
    await registryPage.goToConnections()
    expect(await registryPage.activeSection()).toBe('connections')
  })

  it("lists the profile's subjects with type and latest version, and searches them", async () => {
    const profilesClient = connectProfiles(app.host.url)
    try {
      await profilesClient.save({
        name: 'Local without registry',
        bootstrapServers: bootstrap(),
        securityProtocol: 'PLAINTEXT',
        sasl: { mechanism: 'PLAIN', username: '' },
        tls: { verifyHostname: true },
        registry: { auth: { kind: 'none' } },
        extraProperties: []
      })
      const creds = registryCredentials()
      await profilesClient.save({
        name: 'Local with registry',
        bootstrapServers: bootstrap(),
        securityProtocol: 'PLAINTEXT',
        sasl: { mechanism: 'PLAIN', username: '' },
        tls: { verifyHostname: true },
        registry: { url: registryAuthUrl(), auth: { kind: 'basic', username: creds.username, password: creds.password } },
        extraProperties: []
      })
    } finally {
      profilesClient.close()
    }
    await registryPage.reopen()
    await expect(registryPage.section.locator('[data-profile-picker] option:checked').textContent()).resolves.toBe('Local with registry')
    await registryPage.search(prefix)
    expect(await registryPage.subjects()).toEqual([
      { subject: eventSubject, type: 'JSON', latest: 'v1' },
      { subject: moneySubject, type: 'PROTOBUF', latest: 'v1' },
      { subject: avroSubject, type: 'AVRO', latest: 'v2' },
      { subject: priceSubject, type: 'PROTOBUF', latest: 'v1' }
    ])
    await app.screenshot('registry-02-subjects-searched')
    await registryPage.search(`${prefix} avro`)
    expect((await registryPage.subjects()).map((s) => s.subject)).toEqual([avroSubject])
  })

  it("shows a subject's versions, compatibility and the highlighted latest schema", async () => {
    await registryPage.selectSubject(avroSubject)
    expect(await registryPage.versions()).toEqual(['v1', 'v2'])
    expect(await registryPage.compatibility()).toMatch(/^Compatibility: [A-Z_]+ \(global default\)$/)
    const lines = await registryPage.schemaLines()
    expect(lines[0]).toBe('{')
    expect(lines).toContain('  "type": "record",')
    expect(lines.some((l) => l.includes('"name": "note"'))).toBe(true)
    expect(await registryPage.highlightedTokens('key')).toContain('"fields"')
    expect(await registryPage.highlightedTokens('string')).toContain('"Order"')
    expect(await registryPage.highlightedTokens('keyword')).toContain('null')
    await app.screenshot('registry-03-avro-latest')
    await registryPage.showVersion(1)
    expect((await registryPage.schemaLines()).some((l) => l.includes('"note"'))).toBe(false)
    await app.screenshot('registry-04-avro-v1')
  })

  it('diffs v1 and v2: the added field is marked added', async () => {
    const lines = await registryPage.diff(1, 2)
    const added = lines.filter((l) => l.kind === 'added').map((l) => l.text.trim())
    expect(added.some((t) => t.includes('"name": "note"'))).toBe(true)
    expect(lines.filter((l) => l.kind === 'same').some((l) => l.text.includes('"name": "qty"'))).toBe(true)
    expect(lines.some((l) => l.kind === 'removed' && l.text.includes('"id"'))).toBe(false)
    expect(await registryPage.diffStats()).toMatch(/^\+[1-9]\d*\s*−\d+$/)
    await app.screenshot('registry-05-diff-v1-v2')
  })

  it('shows a Protobuf schema with its own compatibility level and follows its reference', async () => {
    await registryPage.search(prefix)
    await registryPage.selectSubject(priceSubject)
    expect(await registryPage.compatibility()).toBe('Compatibility: FULL')
    expect(await registryPage.highlightedTokens('keyword')).toEqual(expect.arrayContaining(['syntax', 'import', 'message', 'repeated']))
    expect(await registryPage.highlightedTokens('type')).toEqual(expect.arrayContaining(['Price', 'common.Money', 'string']))
    expect(await registryPage.highlightedTokens('number')).toEqual(['1', '2', '3'])
    await expect(registryPage.references().textContent()).resolves.toContain(`common/money.proto → ${moneySubject} v1`)
    await app.screenshot('registry-06-protobuf-references')
    await registryPage.followReference(moneySubject)
    expect(await registryPage.highlightedTokens('comment')).toEqual(['// an amount in minor units'])
    await app.screenshot('registry-07-followed-reference')
  })

  it('shows a JSON Schema and says how a table of it is read', async () => {
    await registryPage.selectSubject(eventSubject)
    expect(await registryPage.highlightedTokens('key')).toEqual(expect.arrayContaining(['"properties"', '"count"']))
    await expect(registryPage.detail().locator('[data-open-table]').isEnabled()).resolves.toBe(true)
    await expect(registryPage.detail().textContent()).resolves.toContain('columns from the schema\'s top-level properties')
    await app.screenshot('registry-08-json-schema')
  })

  it('names the profile and the cause when the registry refuses the profile', async () => {
    const profilesClient = connectProfiles(app.host.url)
    try {
      await profilesClient.save({
        name: 'Registry without credentials',
        bootstrapServers: bootstrap(),
        securityProtocol: 'PLAINTEXT',
        sasl: { mechanism: 'PLAIN', username: '' },
        tls: { verifyHostname: true },
        registry: { url: registryAuthUrl(), auth: { kind: 'none' } },
        extraProperties: []
      })
    } finally {
      profilesClient.close()
    }
    await registryPage.reopen()
    await registryPage.pickProfile('Registry without credentials')
    const error = await registryPage.subjectsError()
    expect(error).toContain("Profile 'Registry without credentials'")
    expect(error).toContain('HTTP 401')
    expect(error).not.toContain(registryCredentials().password)
    await app.screenshot('registry-09-unauthorized')
    await registryPage.pickProfile('Local with registry')
    await registryPage.search(prefix)
    expect(await registryPage.subjects()).toHaveLength(4)
  })

  it('opens the consume editor with the schema', async () => {
    await registryPage.selectSubject(avroSubject)
    await registryPage.openTableWithSchema()
    await app.page.locator('[data-section="tables"]').waitFor({ state: 'visible' })
    expect(await registryPage.activeSection()).toBe('tables')
    const form = app.page.locator('form.open-form')
    expect(await form.locator('input[name=topic]').inputValue()).toBe(avroSubject.replace(/-value$/, ''))
    expect(await form.locator('[data-spec=value] select.spec-kind').inputValue()).toBe('avro')
    await app.screenshot('registry-10-open-table')
  })
})
