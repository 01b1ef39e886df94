import { describe, expect, it } from 'vitest'
import { KafkaConfigError, translateKafkaConfig, type KafkaProperties } from '../config'

const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule'
const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule'
const BASE = { 'bootstrap.servers': 'broker:9094' }

function problems(props: KafkaProperties): { key: string; problem: string }[] {
  try {
    translateKafkaConfig(props)
  } catch (e) {
    if (e instanceof KafkaConfigError) return e.problems
    throw e
  }
  return []
}

describe('SASL translation', () => {
  it('defaults the mechanism to PLAIN', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.jaas.config': `${PLAIN} required username="alice" password="alice-secret";`
    })
    expect(out.kafkajs.sasl).toEqual({ mechanism: 'plain', username: 'alice', password: 'alice-secret' })
    expect(out.kafkajs.ssl).toBeUndefined()
  })

  it.each([
    ['SCRAM-SHA-256', 'scram-sha-256'],
    ['SCRAM-SHA-512', 'scram-sha-512'],
    ['scram-sha-512', 'scram-sha-512']
  ])('translates %s', (mechanism, kafkajs) => {
    const out = translateKafkaConfig({
      ...BASE,
      'security.protocol': 'sasl_plaintext',
      'sasl.mechanism': mechanism,
      'sasl.jaas.config': `${SCRAM} required password="p\\"w" username="admin";`
    })
    expect(out.kafkajs.sasl).toEqual({ mechanism: kafkajs, username: 'admin', password: 'p"w' })
  })

  it('uses TLS as well for SASL_SSL', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'PLAIN',
      'sasl.jaas.config': `${PLAIN} required username="u" password="p";`
    })
    expect(out.kafkajs.ssl).toBe(true)
    expect(out.kafkajs.sasl).toMatchObject({ mechanism: 'plain' })
  })

  it.each(['GSSAPI', 'OAUTHBEARER', 'AWS_MSK_IAM', 'DIGEST-MD5'])('rejects the %s mechanism clearly', (mechanism) => {
    const p = problems({
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': mechanism,
      'sasl.jaas.config': 'com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;',
      'sasl.kerberos.service.name': 'kafka'
    })
    // One problem: no second, confusing one about the login module or the Kerberos setting.
    expect(p).toHaveLength(1)
    expect(p[0]!.key).toBe('sasl.mechanism')
    expect(p[0]!.problem).toContain('not supported')
    expect(p[0]!.problem).toContain('PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
  })

  it('rejects a login module that does not match the mechanism', () => {
    const p = problems({
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'SCRAM-SHA-256',
      'sasl.jaas.config': `${PLAIN} required username="u" password="p";`
    })
    expect(p).toEqual([{ key: 'sasl.jaas.config', problem: expect.stringContaining(`needs ${SCRAM}`) }])
    expect(p[0]!.problem).toContain('set sasl.mechanism to PLAIN')

    const p2 = problems({
      ...BASE,
      'security.protocol': 'SASL_SSL',
      'sasl.jaas.config': `${SCRAM} required username="u" password="p";`
    })
    expect(p2[0]!.problem).toContain(`needs ${PLAIN}`)
  })

  it('requires a username and a password', () => {
    const p = problems({ ...BASE, 'security.protocol': 'SASL_PLAINTEXT', 'sasl.jaas.config': `${PLAIN} required;` })
    expect(p.map((x) => x.problem)).toEqual([expect.stringContaining('has no username'), expect.stringContaining('has no password')])
    const p2 = problems({ ...BASE, 'security.protocol': 'SASL_PLAINTEXT', 'sasl.jaas.config': `${PLAIN} required username="" password="x";` })
    expect(p2[0]!.problem).toContain('empty username')
  })

  it('rejects options the client does not use, and delegation tokens', () => {
    const p = problems({
      ...BASE,
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.mechanism': 'SCRAM-SHA-256',
      'sasl.jaas.config': `${SCRAM} required username="u" password="p" user_alice="alice-secret" tokenauth="true";`
    })
    expect(p.map((x) => x.problem)).toEqual([expect.stringContaining("'user_alice'"), expect.stringContaining('delegation-token')])
    expect(JSON.stringify(p)).not.toContain('alice-secret')
  })

  it('requires sasl.jaas.config for a SASL protocol', () => {
    const p = problems({ ...BASE, 'security.protocol': 'SASL_SSL' })
    expect(p).toEqual([{ key: 'sasl.jaas.config', problem: expect.stringContaining('is required with security.protocol=SASL_SSL') }])
    expect(p[0]!.problem).toContain(PLAIN)
  })

  it('reports unparseable JAAS text without echoing it', () => {
    const p = problems({ ...BASE, 'security.protocol': 'SASL_SSL', 'sasl.jaas.config': `${PLAIN} required username="u" password="hunter2` })
    expect(p).toHaveLength(1)
    expect(p[0]!.key).toBe('sasl.jaas.config')
    expect(p[0]!.problem).not.toContain('hunter2')
  })

  it.each(['PLAINTEXT', 'SSL', undefined])('rejects sasl.* settings when security.protocol is %s', (protocol) => {
    const props: KafkaProperties = {
      ...BASE,
      'sasl.mechanism': 'PLAIN',
      'sasl.jaas.config': `${PLAIN} required username="u" password="p";`,
      'sasl.kerberos.service.name': 'kafka'
    }
    if (protocol !== undefined) props['security.protocol'] = protocol
    const p = problems(props)
    expect(p.map((x) => x.key)).toEqual(['sasl.mechanism', 'sasl.jaas.config', 'sasl.kerberos.service.name'])
    for (const x of p) expect(x.problem).toContain(protocol === 'SSL' ? 'security.protocol=SASL_SSL' : 'security.protocol=SASL_PLAINTEXT')
  })

  it('rejects an unknown security protocol but still checks the SASL settings', () => {
    const p = problems({ ...BASE, 'security.protocol': 'TLS', 'sasl.jaas.config': `${PLAIN} required username="u";` })
    expect(p.map((x) => x.key)).toEqual(['security.protocol', 'sasl.jaas.config'])
    expect(p[0]!.problem).toContain('PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL')
  })

  it('ignores settings for other mechanisms when using PLAIN or SCRAM', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.jaas.config': `${PLAIN} required username="u" password="p";`,
      'sasl.kerberos.service.name': 'kafka',
      'sasl.login.refresh.window.factor': 0.8
    })
    expect(out.ignoredKeys).toEqual(['sasl.kerberos.service.name', 'sasl.login.refresh.window.factor'])
  })
})
