import { describe, expect, it } from 'vitest'
import type { ProfileDto } from '../../../../shared/model/profiles'
import { draftFromProfile, newProfileDraft, toSaveArgs } from './profileDraft'

const dto: ProfileDto = {
  id: 'p1',
  name: 'Prod',
  bootstrapServers: 'kafka:9093',
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', hasPassword: true },
  tls: { verifyHostname: true, caPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----', hasClientKey: false, hasKeyPassword: false },
  registry: { url: 'https://reg:8081', auth: { kind: 'basic', username: 'reg', hasPassword: true } },
  extraProperties: [{ key: 'client.id', value: 'tt' }],
  groupIdPrefix: 'tt-',
  createdAt: '',
  updatedAt: '',
  missingSecrets: []
}

describe('profile draft', () => {
  it('leaves saved secrets out (kept) unless typed or cleared', () => {
    const draft = draftFromProfile(dto)
    const kept = toSaveArgs(draft)
    expect(kept.ok && kept.args.sasl).toEqual({ mechanism: 'SCRAM-SHA-512', username: 'alice' })
    expect(kept.ok && kept.args.registry.auth).toEqual({ kind: 'basic', username: 'reg' })
    draft.saslPassword = { ...draft.saslPassword, text: 'new-pw' }
    draft.registryPassword = { ...draft.registryPassword, clear: true }
    const changed = toSaveArgs(draft)
    expect(changed.ok && changed.args.sasl.password).toBe('new-pw')
    expect(changed.ok && changed.args.registry.auth).toEqual({ kind: 'basic', username: 'reg', password: null })
    expect(changed.ok && changed.args).toMatchObject({ id: 'p1', groupIdPrefix: 'tt-', extraProperties: [{ key: 'client.id', value: 'tt' }] })
  })

  it('reports problems at their fields', () => {
    const draft = { ...newProfileDraft(), name: ' ', bootstrapServers: 'nohostport', securityProtocol: 'SASL_PLAINTEXT' as const, registryUrl: 'reg:8081' }
    draft.extraProperties = [{ key: '', value: 'x' }]
    const result = toSaveArgs(draft)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['bootstrapServers', 'extraProperties', 'name', 'registryUrl', 'saslUsername'])
    expect(result.errors.bootstrapServers).toContain('"nohostport" is not host:port')
  })

  it('drops empty extra property rows and rejects a property listed twice', () => {
    const draft = { ...newProfileDraft(), extraProperties: [{ key: 'a', value: '1' }, { key: '', value: '' }] }
    const ok = toSaveArgs(draft)
    expect(ok.ok && ok.args.extraProperties).toEqual([{ key: 'a', value: '1' }])
    draft.extraProperties = [{ key: 'a', value: '1' }, { key: 'a ', value: '2' }]
    const twice = toSaveArgs(draft)
    expect(!twice.ok && twice.errors.extraProperties).toContain('"a" is listed twice')
  })
})

describe('registry CA', () => {
  it('keeps a registry CA through edit and save, and checks it is a certificate', () => {
    const d = { ...newProfileDraft(), registryUrl: 'https://registry.example:8081', registryCaPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----' }
    const result = toSaveArgs(d)
    expect(result.ok && result.args.registry.caPem).toContain('BEGIN CERTIFICATE')
    const bad = toSaveArgs({ ...d, registryCaPem: 'not a cert' })
    expect(bad.ok ? null : bad.errors.registryCaPem).toMatch(/not a PEM certificate/)
  })
})
