import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../shared/ipc/errors'
import { PROFILES_FILE, SECRETS_FILE } from './profileFiles'
import { PROFILE_NOT_FOUND, ProfileStore } from './profileStore'
import { FileSecretCipher } from './secretCipher'
import { KEY_PEM_MARKER, REGISTRY_PASSWORD, SASL_PASSWORD, profileArgs, tempDir } from './testSupport'

const cipher = new FileSecretCipher()
const open = (dir: string) => ProfileStore.open(dir, cipher)

function allFilesText(dir: string): string {
  return readdirSync(dir)
    .filter((n) => n !== SECRETS_FILE)
    .map((n) => readFileSync(join(dir, n), 'utf8'))
    .join('\n')
}

describe('ProfileStore', () => {
  it('creates, lists, gets, updates and deletes profiles, persisting each change', async () => {
    const dir = tempDir()
    const store = await open(dir)
    expect(store.list()).toEqual([])

    const created = await store.create(profileArgs())
    expect(created.id).toMatch(/.+/)
    expect(created.sasl).toEqual({ mechanism: 'SCRAM-SHA-256', username: 'alice', hasPassword: true })
    expect(created.tls).toEqual({ verifyHostname: true, hasClientKey: true, hasKeyPassword: false })
    expect(created.registry.auth).toEqual({ kind: 'basic', username: 'reg', hasPassword: true })
    expect(created.missingSecrets).toEqual([])
    expect(JSON.stringify(created)).not.toContain(SASL_PASSWORD)

    // Update without secrets keeps them; null clears one.
    const updated = await store.save({ ...profileArgs({ name: 'Renamed' }), id: created.id, sasl: { mechanism: 'PLAIN', username: 'bob' }, tls: { verifyHostname: false, clientKeyPem: null } })
    expect(updated.name).toBe('Renamed')
    expect(updated.createdAt).toBe(created.createdAt)
    expect(updated.sasl.hasPassword).toBe(true)
    expect(updated.tls.hasClientKey).toBe(false)
    expect(store.getWithSecrets(created.id).sasl.password).toBe(SASL_PASSWORD)

    const reopened = await open(dir)
    expect(reopened.list()).toEqual([updated])
    expect(reopened.get(created.id)).toEqual(updated)
    expect(reopened.getWithSecrets(created.id).registry.auth).toEqual({ kind: 'basic', username: 'reg', password: REGISTRY_PASSWORD })

    await reopened.delete(created.id)
    expect(reopened.list()).toEqual([])
    expect((await open(dir)).list()).toEqual([])
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).not.toContain(SASL_PASSWORD)
  })

  it('throws PROFILE_NOT_FOUND for an unknown id', async () => {
    const store = await open(tempDir())
    expect(() => store.get('nope')).toThrow(expect.objectContaining({ code: PROFILE_NOT_FOUND }))
    await expect(store.update('nope', profileArgs())).rejects.toSatisfy((e) => isAppError(e, PROFILE_NOT_FOUND))
    await expect(store.delete('nope')).rejects.toSatisfy((e) => isAppError(e, PROFILE_NOT_FOUND))
  })

  it('drops registry credentials of an auth kind no longer chosen', async () => {
    const store = await open(tempDir())
    const p = await store.create(profileArgs())
    await store.update(p.id, profileArgs({ registry: { url: 'http://r', auth: { kind: 'bearer', token: 'tok-1' } } }))
    const full = store.getWithSecrets(p.id)
    expect(full.registry.auth).toEqual({ kind: 'bearer', token: 'tok-1' })
    await store.update(p.id, profileArgs({ registry: { url: 'http://r', auth: { kind: 'basic', username: 'x' } } }))
    expect(store.get(p.id).registry.auth).toEqual({ kind: 'basic', username: 'x', hasPassword: false })
    expect(store.get(p.id).missingSecrets).toEqual(['registryPassword'])
  })

  it('duplicates a profile with a new id, "(copy)" name and its credentials', async () => {
    const dir = tempDir()
    const store = await open(dir)
    const p = await store.create(profileArgs())
    const copy = await store.duplicate(p.id)
    expect(copy.id).not.toBe(p.id)
    expect(copy.name).toBe('Local SASL (copy)')
    expect(copy.sasl.hasPassword).toBe(true)
    expect(store.getWithSecrets(copy.id).sasl.password).toBe(SASL_PASSWORD)
    expect((await open(dir)).list().map((x) => x.name)).toEqual(['Local SASL', 'Local SASL (copy)'])
  })

  it('keeps secrets out of profiles.json and in a 0600 secrets file', async () => {
    const dir = tempDir()
    const store = await open(dir)
    await store.create(profileArgs())
    const text = allFilesText(dir)
    for (const secret of [SASL_PASSWORD, REGISTRY_PASSWORD, KEY_PEM_MARKER]) expect(text).not.toContain(secret)
    expect(readFileSync(join(dir, PROFILES_FILE), 'utf8')).toContain('alice')
    if (process.platform !== 'win32') expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600)
    expect(store.secretStorage).toMatch(/only your user can read, not encrypted/)
  })

  it('exports without secrets and imports as new profiles that need credentials', async () => {
    const store = await open(tempDir())
    const a = await store.create(profileArgs())
    await store.create(profileArgs({ name: 'Plain', securityProtocol: 'PLAINTEXT', registry: { auth: { kind: 'none' } }, tls: { verifyHostname: true } }))
    const json = store.exportJson()
    for (const secret of [SASL_PASSWORD, REGISTRY_PASSWORD, KEY_PEM_MARKER, 'password', 'token']) expect(json).not.toContain(secret)
    expect(JSON.parse(json).profiles).toHaveLength(2)
    expect(JSON.parse(store.exportJson([a.id])).profiles).toHaveLength(1)

    // A hand-edited file with secrets in it: they are ignored.
    const tampered = JSON.parse(json)
    tampered.profiles[0].sasl.password = 'smuggled'
    tampered.profiles.push({ name: 'broken' })
    const other = await open(tempDir())
    const report = await other.importJson(JSON.stringify(tampered))
    expect(report.imported.map((p) => p.name)).toEqual(['Local SASL', 'Plain'])
    expect(report.imported[0]!.missingSecrets).toEqual(['saslPassword', 'registryPassword'])
    expect(report.needCredentials).toEqual(['Local SASL'])
    expect(report.skipped).toHaveLength(1)
    expect(other.list()[0]!.sasl.hasPassword).toBe(false)
    expect(other.getWithSecrets(report.imported[0]!.id).sasl.password).toBeUndefined()
    await expect(other.importJson('not json')).rejects.toThrow(/not JSON/)
    await expect(other.importJson('{"format":"x"}')).rejects.toThrow(/not a Topic Tables profiles export/)
  })

  it('serializes concurrent saves so none is lost', async () => {
    const dir = tempDir()
    const store = await open(dir)
    const saves = Array.from({ length: 25 }, (_, i) => store.create(profileArgs({ name: `p${i}` })))
    const first = await saves[0]!
    await Promise.all([...saves, store.duplicate(first.id), store.update(first.id, profileArgs({ name: 'first' }))])
    const names = (await open(dir)).list().map((p) => p.name)
    expect(names).toHaveLength(26)
    expect(names).toContain('first')
    expect(names).toContain('p0 (copy)')
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('starts with no profiles when profiles.json is unreadable, keeping the file aside and saying so', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, PROFILES_FILE), '{ "version": 7, "profiles": "?" ')
    const store = await open(dir)
    expect(store.list()).toEqual([])
    expect(store.warnings.join(' ')).toMatch(/profiles\.json is not a profiles file .* kept as profiles\.json\.unreadable-\d+/)
    const aside = readdirSync(dir).find((n) => n.startsWith(`${PROFILES_FILE}.unreadable-`))!
    expect(readFileSync(join(dir, aside), 'utf8')).toContain('"version": 7')
    await store.save(profileArgs({ name: 'Fresh' }))
    expect((await open(dir)).list().map((p) => p.name)).toEqual(['Fresh'])
  })

  it('keeps an encrypted host’s secrets apart from the browser host’s, so sharing a folder loses none', async () => {
    const { randomBytes } = await import('node:crypto')
    const { KeyedSecretCipher } = await import('./keyedSecretCipher')
    const dir = tempDir()
    const browser = await open(dir)
    const saved = await browser.save(profileArgs({ name: 'Shared' }))
    const electron = await ProfileStore.open(dir, new KeyedSecretCipher(randomBytes(32), 'sealed'))
    expect(electron.list().map((p) => p.name)).toEqual(['Shared'])
    expect(electron.get(saved.id).missingSecrets).toContain('saslPassword') // its own secrets file has none yet
    expect(electron.warnings).toEqual([])
    await electron.save({ ...profileArgs({ name: 'Shared' }), id: saved.id, sasl: { mechanism: 'PLAIN', username: 'alice', password: 'sealed-pw' } })
    expect((await open(dir)).getWithSecrets(saved.id).sasl.password).toBe(SASL_PASSWORD) // the browser host's are intact
  })
})
