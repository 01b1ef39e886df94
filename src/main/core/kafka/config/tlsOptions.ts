import { getCiphers, type ConnectionOptions, type SecureVersion } from 'node:tls'
import type { PropertyReader } from './reader'
import { showValue } from './secrets'

const VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const
type Version = (typeof VERSIONS)[number]

/**
 * `ssl.endpoint.identification.algorithm`: `https` (the default) verifies the broker's host name;
 * an empty value skips only the host-name check. The certificate chain is verified either way.
 */
export function endpointIdentification(reader: PropertyReader): Pick<ConnectionOptions, 'checkServerIdentity'> {
  const key = 'ssl.endpoint.identification.algorithm'
  const value = reader.string(key)
  if (value === undefined) return {}
  const v = value.trim().toLowerCase()
  if (v === 'https') return {}
  if (v === '') return { checkServerIdentity: () => undefined }
  reader.problems.add(key, `must be "https" (verify the broker's host name, the default) or "" (skip the host-name check), not ${showValue(key, value)}.`)
  return {}
}

function parseVersion(reader: PropertyReader, key: string, text: string): Version | undefined {
  const wanted = text.trim().toLowerCase()
  const found = VERSIONS.find((v) => v.toLowerCase() === wanted)
  if (found === undefined) reader.problems.add(key, `${showValue(key, text.trim())} is not supported; use TLSv1.2 or TLSv1.3.`)
  return found
}

/**
 * `ssl.protocol` and `ssl.enabled.protocols` as Node's minVersion/maxVersion. `ssl.protocol=TLSv1.2`
 * caps the version at 1.2, as in Java; `TLSv1.3` and `TLS` put no cap.
 */
export function protocolVersions(reader: PropertyReader): Pick<ConnectionOptions, 'minVersion' | 'maxVersion'> {
  const out: { minVersion?: SecureVersion; maxVersion?: SecureVersion } = {}
  let cap: Version | undefined
  const protocol = reader.string('ssl.protocol')
  if (protocol !== undefined && protocol.trim().toUpperCase() !== 'TLS') {
    const version = parseVersion(reader, 'ssl.protocol', protocol)
    // TLSv1.3 is the newest version anyway, so only TLSv1.2 caps anything.
    if (version === 'TLSv1.2') cap = version
  }
  const enabledKey = 'ssl.enabled.protocols'
  const enabledText = reader.string(enabledKey)
  let enabled: Version[] | undefined
  if (enabledText !== undefined) {
    const parts = enabledText.split(',').filter((p) => p.trim() !== '')
    if (parts.length === 0) {
      reader.problems.add(enabledKey, 'is empty: list TLSv1.2 and/or TLSv1.3, or remove it.')
    } else {
      const versions = parts.map((p) => parseVersion(reader, enabledKey, p))
      if (versions.every((v) => v !== undefined)) enabled = versions as Version[]
    }
  }
  if (enabled !== undefined) {
    const sorted = [...enabled].sort((a, b) => VERSIONS.indexOf(a) - VERSIONS.indexOf(b))
    out.minVersion = sorted[0]
    out.maxVersion = sorted[sorted.length - 1]
  }
  if (cap !== undefined) {
    if (out.minVersion !== undefined && VERSIONS.indexOf(out.minVersion as Version) > VERSIONS.indexOf(cap)) {
      reader.problems.add('ssl.protocol', `is ${cap}, but ${enabledKey} allows only newer versions; enable ${cap} too, or set ssl.protocol=TLSv1.3.`)
    } else if (out.maxVersion === undefined || VERSIONS.indexOf(out.maxVersion as Version) > VERSIONS.indexOf(cap)) {
      out.maxVersion = cap
    }
  }
  return out
}

/** Java (IANA) cipher-suite names as OpenSSL names; TLS 1.3 names are the same in both. */
export function opensslCipherName(name: string): string {
  const n = name.trim().toUpperCase()
  const m = /^(?:TLS|SSL)_(.+)_WITH_(.+)$/.exec(n)
  if (m === null) return n
  const exchange = m[1] === 'RSA' ? '' : `${m[1]!.replace(/_/g, '-')}-`
  let cipher = m[2]!.replace(/^AES_(128|256)_/, 'AES$1_')
  if (cipher === 'CHACHA20_POLY1305_SHA256') cipher = 'CHACHA20-POLY1305'
  else cipher = cipher.replace('_CBC_', '_').replace(/_/g, '-')
  return exchange + cipher
}

/** `ssl.cipher.suites` (Java or OpenSSL names) as Node's `ciphers` string. */
export function cipherSuites(reader: PropertyReader): Pick<ConnectionOptions, 'ciphers'> {
  const key = 'ssl.cipher.suites'
  const text = reader.string(key)
  if (text === undefined) return {}
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (names.length === 0) return {}
  const available = new Set(getCiphers())
  const out: string[] = []
  for (const name of names) {
    const openssl = opensslCipherName(name)
    if (available.has(openssl.toLowerCase())) out.push(openssl)
    else reader.problems.add(key, `cipher suite ${showValue(key, name)} is not available in Node's TLS; remove it or pick another.`)
  }
  return out.length === names.length ? { ciphers: out.join(':') } : {}
}
