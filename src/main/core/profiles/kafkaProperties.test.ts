import { describe, expect, it } from 'vitest'
import { profileToKafkaProperties, type ProfileSettings } from '../../../shared/model/profiles'
import { translateKafkaConfig } from '../kafka/config'
import { TEST_CA_PEM, TEST_SERVER_CERT_PEM, TEST_SERVER_KEY_PEM } from '../registry/testSupport'
import { registrySettingsFromProperties } from '../registry'


const base: ProfileSettings = {
  name: 'p',
  bootstrapServers: 'broker1:9093,broker2:9093',
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'us"er' },
  tls: { caPem: TEST_CA_PEM, clientCertPem: TEST_SERVER_CERT_PEM, verifyHostname: false },
  registry: { url: 'https://registry:8081', auth: { kind: 'basic', username: 'reg' } },
  extraProperties: [{ key: 'client.id', value: 'from-profile' }]
}

describe('profileToKafkaProperties → translateKafkaConfig', () => {
  it('is accepted by the engine config translator, SASL and mutual TLS included', () => {
    const props = profileToKafkaProperties(base, { saslPassword: 'p\\a"ss', tlsClientKeyPem: TEST_SERVER_KEY_PEM, registryPassword: 'rp' })
    const out = translateKafkaConfig(props, () => {
      throw new Error('no file reads expected')
    })
    expect(out.brokers).toEqual(['broker1:9093', 'broker2:9093'])
    expect(out.kafkajs.clientId).toBe('from-profile')
    expect(out.kafkajs.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'us"er', password: 'p\\a"ss' })
    const ssl = out.kafkajs.ssl as { ca: string[]; key: string; cert: string; checkServerIdentity?: unknown }
    expect(ssl.ca).toHaveLength(1)
    expect(ssl.key).toContain('PRIVATE KEY')
    expect(ssl.cert).toContain('CERTIFICATE')
    expect(typeof ssl.checkServerIdentity).toBe('function')
    expect(out.registry['schema.registry.url']).toBe('https://registry:8081')
    expect(out.registry['basic.auth.user.info']).toBe('reg:rp')
  })

  it('translates plain and bearer-registry profiles', () => {
    const plain = translateKafkaConfig(profileToKafkaProperties({ ...base, securityProtocol: 'PLAINTEXT' }, {}))
    expect(plain.kafkajs.ssl).toBeUndefined()
    expect(plain.kafkajs.sasl).toBeUndefined()
    const bearer = profileToKafkaProperties({ ...base, securityProtocol: 'SSL', tls: { verifyHostname: true }, registry: { url: 'http://r:8081', auth: { kind: 'bearer' } } }, { registryToken: 't0k' })
    expect(translateKafkaConfig(bearer).kafkajs.ssl).toBe(true)
    expect(registrySettingsFromProperties(bearer).auth).toEqual({ kind: 'bearer', token: 't0k' })
  })

  it('reports a missing SASL password without showing any secret', () => {
    expect(() => translateKafkaConfig(profileToKafkaProperties({ ...base, securityProtocol: 'SASL_PLAINTEXT' }, {}))).toThrow(/no password/)
  })
})
