import { describe, expect, it } from 'vitest'
import { ConnectionProfileSchema, ProfileDtoSchema, profileToKafkaProperties, splitSecrets, toProfileDto, withSecrets, type ConnectionProfile, type ProfileSettings } from './profiles'

const settings: ProfileSettings = {
  name: 'p',
  bootstrapServers: 'a:9092, b:9092\nc:9092',
  securityProtocol: 'SASL_PLAINTEXT',
  sasl: { mechanism: 'PLAIN', username: 'al"ice' },
  tls: { verifyHostname: true },
  registry: { auth: { kind: 'none' } },
  extraProperties: [{ key: 'client.id', value: 'x' }]
}

describe('profileToKafkaProperties', () => {
  it('builds a JAAS config with escaped quotes and backslashes', () => {
    const props = profileToKafkaProperties(settings, { saslPassword: 'p"w\\d' })
    expect(props).toEqual({
      'bootstrap.servers': 'a:9092,b:9092,c:9092',
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.mechanism': 'PLAIN',
      'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="al\\"ice" password="p\\"w\\\\d";',
      'client.id': 'x'
    })
  })

  it('adds TLS and registry settings only where they apply', () => {
    const plain = profileToKafkaProperties({ ...settings, securityProtocol: 'PLAINTEXT', tls: { caPem: 'CA', verifyHostname: false } }, { saslPassword: 'x' })
    expect(Object.keys(plain)).toEqual(['bootstrap.servers', 'security.protocol', 'client.id'])
    const ssl = profileToKafkaProperties(
      { ...settings, securityProtocol: 'SSL', tls: { caPem: 'CA', clientCertPem: 'CERT', verifyHostname: false }, registry: { url: 'http://r', auth: { kind: 'bearer' } } },
      { tlsClientKeyPem: 'KEY', tlsKeyPassword: 'kp', registryToken: 'tok' }
    )
    expect(ssl).toMatchObject({
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.certificates': 'CA',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.certificate.chain': 'CERT',
      'ssl.keystore.key': 'KEY',
      'ssl.key.password': 'kp',
      'ssl.endpoint.identification.algorithm': '',
      'schema.registry.url': 'http://r',
      'bearer.auth.credentials.source': 'STATIC_TOKEN',
      'bearer.auth.token': 'tok'
    })
    expect(ssl['sasl.mechanism']).toBeUndefined()
  })
})

describe('registry CA', () => {
  it('trusts the profile registry CA (PEM) for the registry only, and only with a registry URL', () => {
    const props = profileToKafkaProperties({ ...settings, securityProtocol: 'PLAINTEXT', registry: { url: 'https://r', caPem: 'REGCA', auth: { kind: 'none' } } }, {})
    expect(props).toMatchObject({ 'schema.registry.ssl.truststore.type': 'PEM', 'schema.registry.ssl.truststore.certificates': 'REGCA' })
    expect(props['ssl.truststore.certificates']).toBeUndefined()
    const noUrl = profileToKafkaProperties({ ...settings, registry: { caPem: 'REGCA', auth: { kind: 'none' } } }, {})
    expect(Object.keys(noUrl).some((k) => k.startsWith('schema.registry.'))).toBe(false)
  })
})

describe('secrets split', () => {
  const full: ConnectionProfile = {
    ...settings,
    id: 'id1',
    createdAt: 't',
    updatedAt: 't',
    sasl: { mechanism: 'PLAIN', username: 'u', password: 'pw' },
    tls: { verifyHostname: true, clientKeyPem: 'K' },
    registry: { url: 'http://r', auth: { kind: 'basic', username: 'ru', password: 'rp' } }
  }

  it('round-trips and never leaves a secret in the stored part or the DTO', () => {
    const { stored, secrets } = splitSecrets(full)
    expect(secrets).toEqual({ saslPassword: 'pw', tlsClientKeyPem: 'K', registryPassword: 'rp' })
    expect(JSON.stringify(stored)).not.toMatch(/"pw"|"K"|"rp"/)
    expect(withSecrets(stored, secrets)).toEqual(ConnectionProfileSchema.parse(full))
    const dto = toProfileDto(stored, {})
    expect(ProfileDtoSchema.parse(dto).missingSecrets).toEqual(['saslPassword', 'registryPassword'])
    expect(dto.sasl.hasPassword).toBe(false)
  })
})
