import { describe, expect, it } from 'vitest'
import { FileSecretCipher, ProfileStore } from '../../src/main/core/profiles'
import { ProfilesService } from '../../src/main/core/services/profilesService'
import { runConnectionTest } from '../../src/main/core/connectionTest'
import type { ProfileSecrets, ProfileSettings } from '../../src/shared/model/profiles'
import { SASL_USER, bootstrap, caPem, hasRegistry, hasSecuredListeners, plaintextProfile, registryAuthUrl, registryCredentials, registryUrl, services } from '../support/testEnv'
import { makeTempDir } from '../support/tempDirs'

function settings(overrides: Partial<ProfileSettings> = {}): ProfileSettings {
  return { ...plaintextProfile(), ...overrides }
}

const sasl = (password: string): [ProfileSettings, ProfileSecrets] => [
  settings({ bootstrapServers: bootstrap('SASL_PLAINTEXT'), securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'SCRAM-SHA-512', username: SASL_USER.username } }),
  { saslPassword: password }
]

describe('Test connection against the real broker', () => {
  it('PLAINTEXT: brokers, cluster id, inferred version, topic count', async () => {
    const report = await runConnectionTest(settings(), {})
    expect(report.ok).toBe(true)
    expect(report.kafka.status).toBe('ok')
    expect(report.brokers.length).toBeGreaterThan(0)
    expect(report.clusterId).toBe(services().clusterId)
    expect(report.kafkaVersion).toMatch(/^≥ 4\.\d \(inferred from the API versions\)$/)
    expect(report.topicCount).toBeGreaterThanOrEqual(0)
    expect(report.authentication.status).toBe('skipped')
    expect(report.registry.status).toBe('skipped')
  })

  describe.runIf(hasSecuredListeners())('secured listeners', () => {
    it('SASL_PLAINTEXT with the right password authenticates', async () => {
      const report = await runConnectionTest(...sasl(SASL_USER.password))
      expect(report.ok).toBe(true)
      expect(report.authentication).toMatchObject({ status: 'ok' })
      expect(report.authentication.detail).toContain("'alice'")
    })

    it('SASL_PLAINTEXT with a wrong password fails as SASL, fast, without the password in any text', async () => {
      const report = await runConnectionTest(...sasl('wrong-password-x1'))
      expect(report.ok).toBe(false)
      expect(report.kafka.failure).toBe('SASL')
      expect(report.authentication).toMatchObject({ status: 'failed', failure: 'SASL' })
      expect(report.durationMs).toBeLessThan(10_000)
      expect(JSON.stringify(report)).not.toContain('wrong-password-x1')
    })

    it('through the service: a password left out comes from the stored profile', async () => {
      const service = new ProfilesService(await ProfileStore.open(makeTempDir('conn-test-'), new FileSecretCipher()))
      const [s] = sasl('')
      const saved = await service.saveProfile({ ...s, sasl: { ...s.sasl, password: SASL_USER.password } })
      const report = await service.testConnection({ ...s, id: saved.id, sasl: { ...s.sasl } })
      expect(report.authentication.status).toBe('ok')
      const unsaved = await service.testConnection({ ...s, id: saved.id, sasl: { ...s.sasl, password: 'edited-wrong-pw' } })
      expect(unsaved.authentication.failure).toBe('SASL')
    })

    it('a SASL profile without its password (imported, say) is a CONFIG failure that says so', async () => {
      const [s] = sasl('')
      const report = await runConnectionTest(s, {})
      expect(report.kafka).toMatchObject({ status: 'failed', failure: 'CONFIG' })
      expect(report.kafka.detail).toBe('The profile has no SASL password: enter it, then test again.')
    })

    it('SSL without the CA fails as TLS within seconds', async () => {
      const report = await runConnectionTest(settings({ bootstrapServers: bootstrap('SSL'), securityProtocol: 'SSL', tls: { verifyHostname: true } }), {})
      expect(report.kafka).toMatchObject({ status: 'failed', failure: 'TLS' })
      expect(report.durationMs).toBeLessThan(8_000)
    })

    it('SSL with the CA connects', async () => {
      const report = await runConnectionTest(settings({ bootstrapServers: bootstrap('SSL'), securityProtocol: 'SSL', tls: { verifyHostname: false, caPem: caPem() } }), {})
      expect(report.kafka.status).toBe('ok')
    })
  })

  it('a port nobody listens on is REFUSED', async () => {
    const report = await runConnectionTest(settings({ bootstrapServers: '127.0.0.1:1' }), {})
    expect(report.kafka).toMatchObject({ status: 'failed', failure: 'REFUSED' })
    expect(report.kafka.detail).toContain('127.0.0.1:1')
  })

  it('an unknown host is DNS', async () => {
    const report = await runConnectionTest(settings({ bootstrapServers: 'no-such-host.invalid:9092' }), {})
    expect(report.kafka).toMatchObject({ status: 'failed', failure: 'DNS' })
    expect(report.kafka.detail).toContain('no-such-host.invalid')
  })

  it('invalid settings are CONFIG', async () => {
    const report = await runConnectionTest(settings({ bootstrapServers: 'nohostport' }), {})
    expect(report.kafka).toMatchObject({ status: 'failed', failure: 'CONFIG' })
  })

  describe.runIf(hasRegistry())('registry', () => {
    it('reports the registry ok with its subject count', async () => {
      const report = await runConnectionTest(settings({ registry: { url: registryUrl(), auth: { kind: 'none' } } }), {})
      expect(report.registry.status).toBe('ok')
      expect(report.registry.detail).toMatch(/\d+ subjects?/)
      expect(report.ok).toBe(true)
    })

    it('basic auth with the right password is ok, with a wrong one a REGISTRY failure', async () => {
      const { username, password } = registryCredentials()
      const good = await runConnectionTest(settings({ registry: { url: registryAuthUrl(), auth: { kind: 'basic', username } } }), { registryPassword: password })
      expect(good.registry.status).toBe('ok')
      const bad = await runConnectionTest(settings({ registry: { url: registryAuthUrl(), auth: { kind: 'basic', username } } }), { registryPassword: 'not-the-password-7' })
      expect(bad.registry).toMatchObject({ status: 'failed', failure: 'REGISTRY' })
      expect(bad.ok).toBe(false)
      expect(JSON.stringify(bad)).not.toContain('not-the-password-7')
    })
  })
})
