import { describe, expect, it } from 'vitest'
import { KafkaConfigError } from '../kafka/config/errors'
import { RegistryConfigError } from './errors'
import { DEFAULT_REQUEST_TIMEOUT_MS, hasRegistrySettings, registrySettingsFromProperties } from './settings'
import { TEST_CA_PEM } from './testSupport'

function problemsOf(props: Record<string, string>, readFile?: (p: string) => string): { key: string; problem: string }[] {
  try {
    registrySettingsFromProperties(props, readFile ? { readFile } : {})
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryConfigError)
    expect(e).toBeInstanceOf(KafkaConfigError)
    return (e as RegistryConfigError).problems
  }
  throw new Error('expected a RegistryConfigError')
}

describe('registrySettingsFromProperties', () => {
  it('reads one URL, trims the trailing slash, defaults the timeout and ignores non-registry keys', () => {
    const s = registrySettingsFromProperties({
      'bootstrap.servers': 'localhost:9092',
      'schema.registry.url': 'http://localhost:8081/apis/ccompat/v7/',
      'auto.register.schemas': 'false',
      'specific.avro.reader': 'true'
    })
    expect(s.endpoints).toEqual([{ url: 'http://localhost:8081/apis/ccompat/v7' }])
    expect(s.auth).toEqual({ kind: 'none' })
    expect(s.tls).toEqual({})
    expect(s.requestTimeoutMs).toBe(DEFAULT_REQUEST_TIMEOUT_MS)
  })

  it('reads a comma-separated URL list in order', () => {
    const s = registrySettingsFromProperties({ 'schema.registry.url': ' http://a:8081 , https://b:8082/x ,' })
    expect(s.endpoints.map((e) => e.url)).toEqual(['http://a:8081', 'https://b:8082/x'])
  })

  it('requires schema.registry.url and rejects non-http URLs', () => {
    expect(problemsOf({ 'basic.auth.user.info': 'u:p' }).map((p) => p.key)).toContain('schema.registry.url')
    const p = problemsOf({ 'schema.registry.url': 'ftp://x, not a url' })
    expect(p).toHaveLength(2)
    expect(p[0]!.problem).toMatch(/ftp URLs are not supported/)
    expect(p[1]!.problem).toMatch(/"not a url" is not a URL/)
    expect(hasRegistrySettings({ 'schema.registry.url': ' ' })).toBe(false)
    expect(hasRegistrySettings({ 'schema.registry.url': 'http://r' })).toBe(true)
  })

  it('names an unknown schema.registry.* / basic.auth.* / bearer.auth.* key, with a suggestion for typos', () => {
    const p = problemsOf({
      'schema.registry.url': 'http://r:8081',
      'schema.registry.urll': 'http://r:8081',
      'schema.registry.whatever': 'x',
      'basic.auth.user.infos': 'u:p',
      'bearer.auth.client.id': 'c'
    })
    const byKey = Object.fromEntries(p.map((x) => [x.key, x.problem]))
    expect(byKey['schema.registry.urll']).toMatch(/not a known schema-registry setting; did you mean schema.registry.url\?/)
    expect(byKey['schema.registry.whatever']).toMatch(/not a known schema-registry setting\./)
    expect(byKey['basic.auth.user.infos']).toMatch(/did you mean basic.auth.user.info\?/)
    expect(byKey['bearer.auth.client.id']).toMatch(/not supported.*STATIC_TOKEN/)
  })

  it('reads USER_INFO basic auth (and its schema.registry.* alias), splitting at the first colon', () => {
    const s = registrySettingsFromProperties({
      'schema.registry.url': 'http://r:8081',
      'basic.auth.credentials.source': 'USER_INFO',
      'basic.auth.user.info': 'alice:pa:ss'
    })
    expect(s.auth).toEqual({ kind: 'basic', username: 'alice', password: 'pa:ss' })
    const alias = registrySettingsFromProperties({
      'schema.registry.url': 'http://r:8081',
      'schema.registry.basic.auth.credentials.source': 'user_info',
      'schema.registry.basic.auth.user.info': 'bob:pw'
    })
    expect(alias.auth).toEqual({ kind: 'basic', username: 'bob', password: 'pw' })
  })

  it('takes basic.auth.user.info alone as USER_INFO', () => {
    const s = registrySettingsFromProperties({ 'schema.registry.url': 'http://r:8081', 'basic.auth.user.info': 'u:p' })
    expect(s.auth).toEqual({ kind: 'basic', username: 'u', password: 'p' })
  })

  it('reads URL credentials (basic.auth.credentials.source=URL, Confluent default) and strips them from the URL', () => {
    const s = registrySettingsFromProperties({ 'schema.registry.url': 'https://us%40r:p%3Ass@r:8081/', 'basic.auth.credentials.source': 'URL' })
    expect(s.endpoints).toEqual([{ url: 'https://r:8081', credentials: { username: 'us@r', password: 'p:ss' } }])
    expect(s.auth).toEqual({ kind: 'none' })
    const implicit = registrySettingsFromProperties({ 'schema.registry.url': 'http://u:p@r:8081' })
    expect(implicit.endpoints[0]!.credentials).toEqual({ username: 'u', password: 'p' })
  })

  it('reports bad basic-auth settings without showing the secret', () => {
    const secret = 'no-colon-supersecret'
    const p = problemsOf({ 'schema.registry.url': 'http://r', 'basic.auth.credentials.source': 'USER_INFO', 'basic.auth.user.info': secret })
    expect(p).toEqual([{ key: 'basic.auth.user.info', problem: expect.stringMatching(/must be user:password/) }])
    expect(JSON.stringify(p)).not.toContain('supersecret')

    expect(problemsOf({ 'schema.registry.url': 'http://r', 'basic.auth.credentials.source': 'USER_INFO' })[0]!.key).toBe('basic.auth.user.info')
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'basic.auth.credentials.source': 'SASL_INHERIT' })[0]!.problem).toMatch(/SASL_INHERIT is not supported/)
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'basic.auth.credentials.source': 'URL' })[0]!.problem).toMatch(/holds no credentials/)
    const conflict = problemsOf({
      'schema.registry.url': 'http://r',
      'basic.auth.user.info': 'a:secret1',
      'schema.registry.basic.auth.user.info': 'b:secret2'
    })
    expect(conflict[0]!.problem).toMatch(/conflicts with basic.auth.user.info/)
    expect(JSON.stringify(conflict)).not.toMatch(/secret[12]/)
    const badUrl = problemsOf({ 'schema.registry.url': 'http://u:topsecret@ bad host' })
    expect(JSON.stringify(badUrl)).not.toContain('topsecret')
  })

  it('reads STATIC_TOKEN bearer auth with the Confluent Cloud headers', () => {
    const s = registrySettingsFromProperties({
      'schema.registry.url': 'http://r:8081',
      'bearer.auth.credentials.source': 'STATIC_TOKEN',
      'bearer.auth.token': 'tok',
      'bearer.auth.logical.cluster': 'lsrc-1',
      'bearer.auth.identity.pool.id': 'pool-1'
    })
    expect(s.auth).toEqual({ kind: 'bearer', token: 'tok', logicalCluster: 'lsrc-1', identityPoolId: 'pool-1' })
    expect(registrySettingsFromProperties({ 'schema.registry.url': 'http://r', 'bearer.auth.token': 't' }).auth).toEqual({ kind: 'bearer', token: 't' })
  })

  it('rejects unsupported bearer sources, a missing token and basic+bearer together', () => {
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'bearer.auth.credentials.source': 'OAUTHBEARER' })[0]!.problem).toMatch(/only STATIC_TOKEN/)
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'bearer.auth.credentials.source': 'STATIC_TOKEN' })[0]!.key).toBe('bearer.auth.token')
    const both = problemsOf({ 'schema.registry.url': 'http://r', 'basic.auth.user.info': 'u:p', 'bearer.auth.token': 'sekrit-token' })
    expect(both[0]!.problem).toMatch(/cannot be combined with basic auth/)
    expect(JSON.stringify(both)).not.toContain('sekrit-token')
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'bearer.auth.logical.cluster': 'x' })[0]!.problem).toMatch(/only applies to bearer auth/)
  })

  it('reads schema.registry.request.timeout.ms', () => {
    expect(registrySettingsFromProperties({ 'schema.registry.url': 'http://r', 'schema.registry.request.timeout.ms': '2500' }).requestTimeoutMs).toBe(2500)
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'schema.registry.request.timeout.ms': 'soon' })[0]!.problem).toMatch(/whole number of milliseconds/)
    expect(problemsOf({ 'schema.registry.url': 'http://r', 'schema.registry.request.timeout.ms': '0' })[0]!.problem).toMatch(/at least 1/)
  })

  it('reads a PEM trust store from a file or inline, as Node TLS options', () => {
    const files: Record<string, string> = { '/ca.pem': TEST_CA_PEM }
    const readFile = (p: string): string => {
      if (p in files) return files[p]!
      throw new Error('ENOENT: no such file')
    }
    const s = registrySettingsFromProperties(
      { 'schema.registry.url': 'https://r', 'schema.registry.ssl.truststore.type': 'PEM', 'schema.registry.ssl.truststore.location': '/ca.pem' },
      { readFile }
    )
    expect(s.tls.ca).toEqual([TEST_CA_PEM.trim()])
    const inline = registrySettingsFromProperties({
      'schema.registry.url': 'https://r',
      'schema.registry.ssl.truststore.type': 'PEM',
      'schema.registry.ssl.truststore.certificates': TEST_CA_PEM,
      'schema.registry.ssl.endpoint.identification.algorithm': ''
    })
    expect(inline.tls.ca).toHaveLength(1)
    expect(typeof inline.tls.checkServerIdentity).toBe('function')

    const missing = problemsOf(
      { 'schema.registry.url': 'https://r', 'schema.registry.ssl.truststore.type': 'PEM', 'schema.registry.ssl.truststore.location': '/nope.pem' },
      readFile
    )
    expect(missing[0]!.key).toBe('schema.registry.ssl.truststore.location')
    expect(missing[0]!.problem).toMatch(/cannot read the file "\/nope.pem"/)
    const jks = problemsOf({ 'schema.registry.url': 'https://r', 'schema.registry.ssl.truststore.type': 'JKS', 'schema.registry.ssl.truststore.location': '/ca.jks' }, readFile)
    expect(jks[0]!.key).toBe('schema.registry.ssl.truststore.type')
    expect(jks[0]!.problem).toMatch(/only PEM stores are supported/)
    expect(jks[0]!.problem).toMatch(/set schema.registry.ssl.truststore.type=PEM/)
    const garbage = problemsOf({ 'schema.registry.url': 'https://r', 'schema.registry.ssl.truststore.certificates': 'nope' })
    expect(garbage[0]!.key).toBe('schema.registry.ssl.truststore.certificates')
  })

  it('lists every problem at once', () => {
    const p = problemsOf({ 'schema.registry.foo': '1', 'schema.registry.request.timeout.ms': '-1', 'bearer.auth.credentials.source': 'CUSTOM' })
    expect(p.map((x) => x.key).sort()).toEqual(
      ['bearer.auth.credentials.source', 'schema.registry.foo', 'schema.registry.request.timeout.ms', 'schema.registry.url'].sort()
    )
  })
})
