import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { isIP, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect, createServer, type ConnectionOptions } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KafkaConfigError, translateKafkaConfig, type KafkaProperties } from '../config'

const OPENSSL = '/usr/bin/openssl'
const SSL = { 'bootstrap.servers': 'broker:9095', 'security.protocol': 'SSL' }

let dir: string
let certPem: string
let keyPem: string
let encKeyPem: string
let otherCertPem: string
const path = (name: string): string => join(dir, name)

function openssl(...args: string[]): void {
  execFileSync(OPENSSL, args, { cwd: dir, stdio: 'pipe' })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kafka-config-tls-'))
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '1')
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=other', '-keyout', 'k2.pem', '-out', 'c2.pem', '-days', '1')
  openssl('pkey', '-in', 'k.pem', '-aes256', '-passout', 'pass:key-pass-123', '-out', 'kenc.pem')
  openssl('pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 'store.p12', '-passout', 'pass:changeit')
  certPem = readFileSync(path('c.pem'), 'utf8')
  keyPem = readFileSync(path('k.pem'), 'utf8')
  encKeyPem = readFileSync(path('kenc.pem'), 'utf8')
  otherCertPem = readFileSync(path('c2.pem'), 'utf8')
  writeFileSync(path('client.pem'), keyPem + certPem)
  writeFileSync(path('client-enc.pem'), encKeyPem + certPem)
  writeFileSync(path('mismatch.pem'), keyPem + otherCertPem)
  writeFileSync(path('two-cas.pem'), certPem + otherCertPem)
  writeFileSync(path('not-a-cert.pem'), '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n')
}, 30_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function problems(props: KafkaProperties, readFile?: (p: string) => string): { key: string; problem: string }[] {
  try {
    translateKafkaConfig(props, readFile)
  } catch (e) {
    if (e instanceof KafkaConfigError) return e.problems
    throw e
  }
  return []
}

function sslOf(props: KafkaProperties, readFile?: (p: string) => string): ConnectionOptions {
  const ssl = translateKafkaConfig(props, readFile).kafkajs.ssl
  if (typeof ssl !== 'object') throw new Error(`expected TLS options, got ${String(ssl)}`)
  return ssl
}

/** Connects the way kafkajs's default socket factory does, and reports whether the handshake succeeded. */
async function handshake(host: string, ssl: ConnectionOptions): Promise<string> {
  const server = createServer({ key: keyPem, cert: certPem }, (socket) => socket.end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    return await new Promise<string>((resolve) => {
      const socket = connect(Object.assign({ host, port }, !isIP(host) ? { servername: host } : {}, ssl), () => {
        socket.end()
        resolve('ok')
      })
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
    })
  } finally {
    server.close()
  }
}

describe('TLS translation', () => {
  it('uses Node defaults (system CAs, host-name check) when nothing else is set', () => {
    expect(translateKafkaConfig({ ...SSL }).kafkajs.ssl).toBe(true)
    expect(translateKafkaConfig({ ...SSL, 'ssl.endpoint.identification.algorithm': 'HTTPS' }).kafkajs.ssl).toBe(true)
  })

  it('reads a PEM trust store from a file', () => {
    const ssl = sslOf({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': path('c.pem') })
    expect(ssl.ca).toEqual([certPem.trim()])
    expect(ssl.rejectUnauthorized).toBeUndefined()
  })

  it('reads several certificates from one trust store file', () => {
    const ssl = sslOf({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': path('two-cas.pem') })
    expect(ssl.ca).toHaveLength(2)
  })

  it('accepts a PEM trust store file without a type (Java would assume JKS)', () => {
    expect(sslOf({ ...SSL, 'ssl.truststore.location': path('c.pem') }).ca).toEqual([certPem.trim()])
  })

  it('takes inline trust store certificates', () => {
    expect(sslOf({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.certificates': certPem }).ca).toEqual([certPem.trim()])
  })

  it('uses the given readFile', () => {
    const read = (p: string): string => {
      if (p === 'virtual/ca.pem') return certPem
      throw new Error(`no such file ${p}`)
    }
    expect(sslOf({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': 'virtual/ca.pem' }, read).ca).toEqual([certPem.trim()])
  })

  it('rejects a file without certificates and an invalid certificate', () => {
    expect(problems({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': path('k.pem') })).toEqual([
      { key: 'ssl.truststore.location', problem: expect.stringContaining('holds no PEM certificate') }
    ])
    expect(problems({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': path('not-a-cert.pem') })).toEqual([
      { key: 'ssl.truststore.location', problem: expect.stringContaining('certificate 1 of 1') }
    ])
  })

  it('names the key and path of an unreadable file', () => {
    const p = problems({ ...SSL, 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': path('missing.pem') })
    expect(p).toEqual([{ key: 'ssl.truststore.location', problem: expect.stringContaining(path('missing.pem')) }])
    const rel = problems({ ...SSL, 'ssl.keystore.location': 'certs/missing.pem' })
    expect(rel[0]!.problem).toContain('use an absolute path')
  })

  it.each([
    ['JKS', 'keytool -importkeystore'],
    ['PKCS12', 'openssl pkcs12']
  ])('explains how to convert a %s trust store, without a second error about its password', (type, command) => {
    const p = problems({ ...SSL, 'ssl.truststore.type': type, 'ssl.truststore.location': '/etc/kafka/truststore.jks', 'ssl.truststore.password': 'changeit' })
    expect(p).toHaveLength(1)
    expect(p[0]!.key).toBe('ssl.truststore.type')
    expect(p[0]!.problem).toContain('only PEM stores are supported')
    expect(p[0]!.problem).toContain(command)
    expect(p[0]!.problem).toContain('ssl.truststore.type=PEM')
    expect(p[0]!.problem).not.toContain('changeit')
  })

  it('treats a non-PEM store file without a type as JKS (Java default)', () => {
    const p = problems({
      ...SSL,
      'ssl.truststore.location': path('store.p12'),
      'ssl.truststore.password': 'changeit',
      'ssl.keystore.location': path('store.p12'),
      'ssl.keystore.password': 'changeit',
      'ssl.key.password': 'changeit'
    })
    expect(p.map((x) => x.key)).toEqual(['ssl.truststore.location', 'ssl.keystore.location'])
    expect(p[0]!.problem).toContain("taken to be a JKS store (Java's default ssl.truststore.type)")
    expect(p[1]!.problem).toContain('openssl pkcs12 -in keystore.p12 -out keystore.pem')
  })

  it('rejects a trust store password with a PEM store, and one without any store', () => {
    expect(problems({ ...SSL, 'ssl.truststore.location': path('c.pem'), 'ssl.truststore.password': 'x' })).toEqual([
      { key: 'ssl.truststore.password', problem: expect.stringContaining('not used with a PEM trust store') }
    ])
    expect(problems({ ...SSL, 'ssl.truststore.password': 'x' })).toEqual([
      { key: 'ssl.truststore.password', problem: expect.stringContaining('has no effect') }
    ])
  })

  it('rejects both a trust store file and inline certificates, and an unknown store type', () => {
    expect(problems({ ...SSL, 'ssl.truststore.location': path('c.pem'), 'ssl.truststore.certificates': certPem })[0]!.key).toBe(
      'ssl.truststore.certificates'
    )
    expect(problems({ ...SSL, 'ssl.truststore.type': 'BCFKS', 'ssl.truststore.location': path('c.pem') })).toEqual([
      { key: 'ssl.truststore.type', problem: expect.stringContaining('PEM, JKS, PKCS12') }
    ])
  })

  it('reads a PEM key store file with the key and certificate chain', () => {
    const ssl = sslOf({ ...SSL, 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': path('client.pem') })
    expect(ssl.key).toBe(keyPem.trim())
    expect(ssl.cert).toBe(certPem.trim())
    expect(ssl.passphrase).toBeUndefined()
  })

  it('takes an inline key and certificate chain', () => {
    const ssl = sslOf({ ...SSL, 'ssl.keystore.type': 'PEM', 'ssl.keystore.key': keyPem, 'ssl.keystore.certificate.chain': certPem })
    expect(ssl.key).toBe(keyPem.trim())
    expect(ssl.cert).toBe(certPem.trim())
  })

  it('uses ssl.key.password for an encrypted key', () => {
    const ssl = sslOf({ ...SSL, 'ssl.keystore.location': path('client-enc.pem'), 'ssl.key.password': 'key-pass-123' })
    expect(ssl.passphrase).toBe('key-pass-123')
    expect(ssl.key).toContain('ENCRYPTED PRIVATE KEY')
  })

  it('reports a missing or wrong key password without echoing it', () => {
    expect(problems({ ...SSL, 'ssl.keystore.location': path('client-enc.pem') })).toEqual([
      { key: 'ssl.key.password', problem: expect.stringContaining('is encrypted') }
    ])
    const wrong = problems({ ...SSL, 'ssl.keystore.location': path('client-enc.pem'), 'ssl.key.password': 'not-the-pass' })
    expect(wrong).toEqual([{ key: 'ssl.key.password', problem: expect.stringContaining('does not decrypt') }])
    expect(JSON.stringify(wrong)).not.toContain('not-the-pass')
    expect(problems({ ...SSL, 'ssl.keystore.location': path('client.pem'), 'ssl.key.password': 'x' })).toEqual([
      { key: 'ssl.key.password', problem: expect.stringContaining('not encrypted') }
    ])
  })

  it('rejects a key store password with PEM, and key settings without a key store', () => {
    expect(problems({ ...SSL, 'ssl.keystore.location': path('client.pem'), 'ssl.keystore.password': 'x' })).toEqual([
      { key: 'ssl.keystore.password', problem: expect.stringContaining('put its passphrase in ssl.key.password') }
    ])
    expect(problems({ ...SSL, 'ssl.keystore.password': 'x', 'ssl.key.password': 'y' }).map((p) => p.key)).toEqual([
      'ssl.keystore.password',
      'ssl.key.password'
    ])
  })

  it('checks that the key store holds one key matching its first certificate', () => {
    expect(problems({ ...SSL, 'ssl.keystore.location': path('c.pem') })).toEqual([
      { key: 'ssl.keystore.location', problem: expect.stringContaining('holds no PEM private key') }
    ])
    expect(problems({ ...SSL, 'ssl.keystore.location': path('k.pem') })).toEqual([
      { key: 'ssl.keystore.location', problem: expect.stringContaining('holds no PEM certificate') }
    ])
    expect(problems({ ...SSL, 'ssl.keystore.location': path('mismatch.pem') })).toEqual([
      { key: 'ssl.keystore.location', problem: expect.stringContaining('does not belong to the private key') }
    ])
  })

  it('requires both inline key parts, and not both a file and inline parts', () => {
    expect(problems({ ...SSL, 'ssl.keystore.key': keyPem })).toEqual([
      { key: 'ssl.keystore.certificate.chain', problem: expect.stringContaining('is required') }
    ])
    expect(problems({ ...SSL, 'ssl.keystore.certificate.chain': certPem })).toEqual([
      { key: 'ssl.keystore.key', problem: expect.stringContaining('is required') }
    ])
    expect(problems({ ...SSL, 'ssl.keystore.location': path('client.pem'), 'ssl.keystore.key': keyPem })[0]!.key).toBe('ssl.keystore.location')
    expect(problems({ ...SSL, 'ssl.keystore.type': 'JKS', 'ssl.keystore.key': keyPem, 'ssl.keystore.certificate.chain': certPem })[0]!.key).toBe(
      'ssl.keystore.type'
    )
  })

  it('never echoes an inline private key', () => {
    const p = problems({ ...SSL, 'ssl.keystore.key': 'SECRET-KEY-MATERIAL', 'ssl.keystore.certificate.chain': certPem })
    expect(p[0]!.key).toBe('ssl.keystore.key')
    expect(JSON.stringify(p)).not.toContain('SECRET-KEY-MATERIAL')
  })

  it.each([
    [{ 'ssl.protocol': 'TLSv1.2' }, { maxVersion: 'TLSv1.2' }],
    [{ 'ssl.protocol': 'TLSv1.3' }, {}],
    [{ 'ssl.protocol': 'TLS' }, {}],
    [{ 'ssl.enabled.protocols': 'TLSv1.3' }, { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' }],
    [{ 'ssl.enabled.protocols': 'TLSv1.2, TLSv1.3' }, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' }],
    [{ 'ssl.protocol': 'TLSv1.2', 'ssl.enabled.protocols': 'TLSv1.2,TLSv1.3' }, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }]
  ])('maps TLS versions %o', (props, expected) => {
    const ssl = translateKafkaConfig({ ...SSL, ...props }).kafkajs.ssl
    if (Object.keys(expected).length === 0) expect(ssl).toBe(true)
    else expect(ssl).toEqual(expected)
  })

  it('rejects old or unknown TLS versions and contradictory settings', () => {
    expect(problems({ ...SSL, 'ssl.protocol': 'TLSv1.1' })[0]!.problem).toContain('use TLSv1.2 or TLSv1.3')
    expect(problems({ ...SSL, 'ssl.enabled.protocols': 'TLSv1.2,SSLv3' })[0]!.problem).toContain('"SSLv3" is not supported')
    expect(problems({ ...SSL, 'ssl.protocol': 'TLSv1.2', 'ssl.enabled.protocols': 'TLSv1.3' })[0]!.key).toBe('ssl.protocol')
  })

  it('maps Java cipher-suite names to OpenSSL names', () => {
    const ssl = sslOf({
      ...SSL,
      'ssl.cipher.suites':
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_AES_256_GCM_SHA384'
    })
    expect(ssl.ciphers).toBe('ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:AES256-SHA256:TLS_AES_256_GCM_SHA384')
    expect(problems({ ...SSL, 'ssl.cipher.suites': 'TLS_NOT_A_REAL_SUITE' })[0]!.problem).toContain('not available')
  })

  it('rejects an unknown endpoint identification algorithm', () => {
    expect(problems({ ...SSL, 'ssl.endpoint.identification.algorithm': 'ldaps' })[0]!.problem).toContain('"https"')
  })

  it.each(['PLAINTEXT', 'SASL_PLAINTEXT', undefined])('rejects ssl.* settings when security.protocol is %s', (protocol) => {
    const props: KafkaProperties = { 'bootstrap.servers': 'b:1', 'ssl.truststore.location': '/ca.pem', 'ssl.endpoint.identification.algorithm': '' }
    if (protocol !== undefined) props['security.protocol'] = protocol
    if (protocol === 'SASL_PLAINTEXT') props['sasl.jaas.config'] = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";'
    const p = problems(props)
    expect(p.map((x) => x.key)).toEqual(['ssl.truststore.location', 'ssl.endpoint.identification.algorithm'])
    for (const x of p) expect(x.problem).toContain(protocol === 'SASL_PLAINTEXT' ? 'security.protocol=SASL_SSL' : 'security.protocol=SSL')
  })

  describe('against a TLS server', () => {
    it('verifies the host name by default', async () => {
      const ssl = sslOf({ ...SSL, 'ssl.truststore.location': path('c.pem') })
      expect(await handshake('localhost', ssl)).toBe('ok')
      // The certificate is for "localhost", not 127.0.0.1.
      expect(await handshake('127.0.0.1', ssl)).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
    })

    it('skips only the host-name check when ssl.endpoint.identification.algorithm is empty', async () => {
      const ssl = sslOf({ ...SSL, 'ssl.truststore.location': path('c.pem'), 'ssl.endpoint.identification.algorithm': '' })
      expect(ssl.rejectUnauthorized).toBeUndefined()
      expect(await handshake('127.0.0.1', ssl)).toBe('ok')
      // The certificate chain is still verified: without the trust store, the self-signed certificate is refused.
      const noTrust = sslOf({ ...SSL, 'ssl.endpoint.identification.algorithm': '' })
      expect(await handshake('127.0.0.1', noTrust)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    })

    it('presents the key store certificate for mutual TLS', async () => {
      const clientSubject = async (ssl: ConnectionOptions): Promise<string> => {
        let seen: (subject: string) => void = () => {}
        const subject = new Promise<string>((resolve) => (seen = resolve))
        const server = createServer({ key: keyPem, cert: certPem, requestCert: true, rejectUnauthorized: false, ca: [certPem] }, (socket) => {
          seen(socket.authorized ? `authorized ${socket.getPeerCertificate().subject.CN}` : 'not authorized')
          socket.end()
        })
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
        const { port } = server.address() as AddressInfo
        const socket = connect({ host: 'localhost', port, servername: 'localhost', ...ssl })
        socket.on('error', () => {})
        try {
          return await subject
        } finally {
          socket.destroy()
          server.close()
        }
      }
      const trust = { ...SSL, 'ssl.truststore.location': path('c.pem') }
      expect(await clientSubject(sslOf({ ...trust, 'ssl.keystore.location': path('client-enc.pem'), 'ssl.key.password': 'key-pass-123' }))).toBe(
        'authorized localhost'
      )
      expect(await clientSubject(sslOf({ ...trust, 'ssl.keystore.key': keyPem, 'ssl.keystore.certificate.chain': certPem }))).toBe(
        'authorized localhost'
      )
      expect(await clientSubject(sslOf(trust))).toBe('not authorized')
    })
  })
})
