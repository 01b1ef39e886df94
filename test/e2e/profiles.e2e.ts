import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTopic, hasRegistry, hasSecuredListeners, produce, registryAuthUrl, registryCredentials, services, uniqueTopic } from '../support/testEnv'
import { openApp, type AppSession } from './support/appPage'
import { ProfilesPage } from './support/profilesPage'
import { makeTempDir } from '../support/tempDirs'

const NAME = 'Local SASL'

describe.runIf(hasSecuredListeners())('connection profiles and the topic browser in Chromium', () => {
  let app: AppSession
  let profiles: ProfilesPage
  let userDataDir: string
  let topic: string
  const user = () => services().sasl?.users[0] ?? { username: 'alice', password: 'alice-secret' }

  beforeAll(async () => {
    topic = await createTopic(uniqueTopic('e2e-browse'), 2)
    await produce(topic, [
      { value: 'one', partition: 0 },
      { value: 'two', partition: 0 },
      { value: 'three', partition: 1 }
    ])
    userDataDir = makeTempDir('tt-e2e-profiles-')
    app = await openApp({ userDataDir, height: 900 })
    profiles = new ProfilesPage(app.page)
  })
  afterAll(() => app?.close())

  it('creates a SASL_PLAINTEXT profile and tests it with the right password', async () => {
    await profiles.show()
    await profiles.newProfile()
    await profiles.fill({
      name: NAME,
      bootstrap: services().bootstrap.SASL_PLAINTEXT ?? '',
      securityProtocol: 'SASL_PLAINTEXT',
      saslMechanism: 'SCRAM-SHA-512',
      username: user().username,
      password: user().password,
      extraProperties: [{ key: 'client.id', value: 'e2e' }]
    })
    await app.screenshot('profiles-1-new-sasl-profile')
    await profiles.save(NAME)
    expect(await profiles.secretPlaceholder('saslPassword')).toBe('saved — leave empty to keep')
    expect(await profiles.secretStorageNotice()).toMatch(/only your user can read/)
    const report = await profiles.testConnection()
    await app.screenshot('profiles-2-test-ok')
    expect(report.ok).toBe(true)
    expect(report.checks.kafka?.status).toBe('ok')
    expect(report.checks.authentication?.status).toBe('ok')
    expect(report.brokers).toMatch(/#\d+ 127\.0\.0\.1:\d+/)
    expect(report.clusterId).toBe(services().clusterId)
    expect(report.version).toMatch(/≥ 4\.\d/)
  })

  it('reports a SASL failure with a wrong password, without showing it', async () => {
    await profiles.setPassword('definitely-wrong-pw')
    const report = await profiles.testConnection()
    await app.screenshot('profiles-3-test-wrong-password')
    expect(report.ok).toBe(false)
    expect(report.checks.authentication).toMatchObject({ status: 'failed', failure: 'SASL' })
    expect(await app.page.locator('.connection-report').textContent()).not.toContain('definitely-wrong-pw')
    await profiles.setPassword('')
  })

  it.runIf(hasRegistry())('checks the schema registry: a wrong password is a REGISTRY failure, the right one works', async () => {
    const { username, password } = registryCredentials()
    await profiles.setRegistry(registryAuthUrl(), { username, password: 'wrong-registry-pw' })
    const bad = await profiles.testConnection()
    await app.screenshot('profiles-3b-registry-wrong-password')
    expect(bad.checks.kafka?.status).toBe('ok')
    expect(bad.checks.registry).toMatchObject({ status: 'failed', failure: 'REGISTRY' })
    expect(bad.checks.registry?.detail).not.toContain('wrong-registry-pw')
    await profiles.setRegistry(registryAuthUrl(), { username, password })
    const good = await profiles.testConnection()
    expect(good.ok).toBe(true)
    expect(good.checks.registry?.status).toBe('ok')
    await profiles.setRegistry('')
  })

  it('keeps the profiles file free of secrets and the secrets file private', () => {
    const text = readFileSync(join(userDataDir, 'profiles', 'profiles.json'), 'utf8')
    expect(text).toContain(NAME)
    expect(text).not.toContain(user().password)
    expect(statSync(join(userDataDir, 'profiles', 'profileSecrets.bin')).mode & 0o777).toBe(0o600)
  })

  it('duplicates and deletes a profile', async () => {
    await profiles.duplicate()
    await profiles.page.locator(`[data-profile-item="${NAME} (copy)"].selected`).waitFor()
    await app.screenshot('profiles-4-duplicated')
    await profiles.delete(`${NAME} (copy)`)
    expect(await profiles.profileNames()).toEqual([NAME])
  })

  it('exports without secrets and imports the file back, asking for credentials', async () => {
    const exported = await profiles.exportText()
    expect(exported).toContain(NAME)
    expect(exported).not.toContain(user().password)
    const report = await profiles.importText(exported)
    await app.screenshot('profiles-5-imported')
    expect(report).toContain('Imported 1 profile')
    expect(report).toContain(`Needs credentials: ${NAME}`)
    expect(await profiles.profileNames()).toEqual([NAME, NAME])
    await profiles.select(NAME)
  })

  it('browses the topics of the profile: search, partition offsets, Open table…', async () => {
    await profiles.page.locator('[data-profile-item]').first().click()
    await profiles.showTopics()
    await profiles.waitForTopic(topic)
    expect(await profiles.searchTopics(topic.slice(0, -4))).toEqual([topic])
    expect(await profiles.topicRow(topic).locator('td').allTextContents()).toEqual([topic, '2', '3'])
    expect(await profiles.topicDetails(topic)).toEqual([
      ['0', '0', '2', '2'],
      ['1', '0', '1', '1']
    ])
    await app.screenshot('profiles-6-topic-browser')
    expect(await profiles.searchTopics('no-such-topic-zzz')).toEqual([])
    await profiles.searchTopics(topic)
    await profiles.openTable()
    await app.page.locator('[data-section="tables"]').waitFor({ state: 'visible' })
    expect(await app.page.locator('.tab.open-tab').getAttribute('aria-selected')).toBe('true')
    const form = app.page.locator('form.open-form')
    expect(await form.locator('input[name=topic]').inputValue()).toBe(topic)
    expect(await form.locator('select.connection-kind').inputValue()).toBe('profile')
    await app.screenshot('profiles-7-open-table')
  })

  it('an SSL profile fails as TLS without the CA and connects with the CA loaded from a file', async () => {
    await app.page.click('[data-rail="connections"]')
    await profiles.newProfile()
    await profiles.fill({ name: 'Local SSL', bootstrap: services().bootstrap.SSL ?? '', securityProtocol: 'SSL' })
    const untrusted = await profiles.testConnection()
    expect(untrusted.checks.kafka).toMatchObject({ status: 'failed', failure: 'TLS' })
    const caFile = services().tls?.caCert ?? ''
    expect(await profiles.pemFromFile('caPem', caFile)).toBe(readFileSync(caFile, 'utf8'))
    const trusted = await profiles.testConnection()
    await app.screenshot('profiles-8-ssl-ca-from-file')
    expect(trusted.checks.kafka?.status).toBe('ok')
  })
})
