import type { ProfileDto, SaveProfileArgs } from '../../../../shared/model/profiles'

// The profile editor's form as plain data, and its translation into saveProfile / testConnection arguments.

export type SecurityProtocol = SaveProfileArgs['securityProtocol']
export type SaslMechanism = SaveProfileArgs['sasl']['mechanism']
export type RegistryAuthKind = SaveProfileArgs['registry']['auth']['kind']

/** A secret in the form: `text` typed now; `saved` whether one is stored; `clear` asks to remove the stored one. */
export interface SecretDraft {
  text: string
  saved: boolean
  clear: boolean
}

export interface ProfileDraft {
  id: string | undefined
  name: string
  bootstrapServers: string
  securityProtocol: SecurityProtocol
  saslMechanism: SaslMechanism
  saslUsername: string
  saslPassword: SecretDraft
  caPem: string
  clientCertPem: string
  clientKeyPem: SecretDraft
  keyPassword: SecretDraft
  verifyHostname: boolean
  registryUrl: string
  /** PEM CA for an https registry whose certificate the system does not trust. */
  registryCaPem: string
  registryAuth: RegistryAuthKind
  registryUsername: string
  registryPassword: SecretDraft
  registryToken: SecretDraft
  extraProperties: { key: string; value: string }[]
  groupIdPrefix: string
}

export type ProfileField = 'name' | 'bootstrapServers' | 'saslUsername' | 'registryUrl' | 'registryUsername' | 'extraProperties' | 'clientKeyPem' | 'caPem' | 'registryCaPem'
export type ProfileErrors = Partial<Record<ProfileField, string>>
export type ToArgsResult = { ok: true; args: SaveProfileArgs } | { ok: false; errors: ProfileErrors }

export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']
export const REGISTRY_AUTH_KINDS: readonly { value: RegistryAuthKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'Basic' },
  { value: 'bearer', label: 'Bearer token' }
]

const emptySecret = (saved = false): SecretDraft => ({ text: '', saved, clear: false })

export function usesSasl(p: SecurityProtocol): boolean {
  return p === 'SASL_PLAINTEXT' || p === 'SASL_SSL'
}

export function usesTls(p: SecurityProtocol): boolean {
  return p === 'SSL' || p === 'SASL_SSL'
}

export function newProfileDraft(): ProfileDraft {
  return {
    id: undefined,
    name: 'New connection',
    bootstrapServers: 'localhost:9092',
    securityProtocol: 'PLAINTEXT',
    saslMechanism: 'PLAIN',
    saslUsername: '',
    saslPassword: emptySecret(),
    caPem: '',
    clientCertPem: '',
    clientKeyPem: emptySecret(),
    keyPassword: emptySecret(),
    verifyHostname: true,
    registryUrl: '',
    registryCaPem: '',
    registryAuth: 'none',
    registryUsername: '',
    registryPassword: emptySecret(),
    registryToken: emptySecret(),
    extraProperties: [],
    groupIdPrefix: ''
  }
}

export function draftFromProfile(p: ProfileDto): ProfileDraft {
  const auth = p.registry.auth
  return {
    id: p.id,
    name: p.name,
    bootstrapServers: p.bootstrapServers,
    securityProtocol: p.securityProtocol,
    saslMechanism: p.sasl.mechanism,
    saslUsername: p.sasl.username,
    saslPassword: emptySecret(p.sasl.hasPassword),
    caPem: p.tls.caPem ?? '',
    clientCertPem: p.tls.clientCertPem ?? '',
    clientKeyPem: emptySecret(p.tls.hasClientKey),
    keyPassword: emptySecret(p.tls.hasKeyPassword),
    verifyHostname: p.tls.verifyHostname,
    registryUrl: p.registry.url ?? '',
    registryCaPem: p.registry.caPem ?? '',
    registryAuth: auth.kind,
    registryUsername: auth.kind === 'basic' ? auth.username : '',
    registryPassword: emptySecret(auth.kind === 'basic' && auth.hasPassword),
    registryToken: emptySecret(auth.kind === 'bearer' && auth.hasToken),
    extraProperties: p.extraProperties.map(({ key, value }) => ({ key, value })),
    groupIdPrefix: p.groupIdPrefix ?? ''
  }
}

/** Typed text replaces the secret, `clear` removes it (null), otherwise it is left out (kept). */
function secretChange(secret: SecretDraft): string | null | undefined {
  if (secret.text !== '') return secret.text
  return secret.clear ? null : undefined
}

function validUrl(text: string): boolean {
  return text.split(',').every((part) => /^https?:\/\/[^\s/]+/.test(part.trim()))
}

function hostPortProblem(text: string): string | undefined {
  const entries = text.split(/[\s,]+/).filter((s) => s !== '')
  if (entries.length === 0) return 'Bootstrap servers are required (host:port, comma-separated).'
  const bad = entries.find((e) => !/^([A-Za-z][A-Za-z0-9_+.-]*:\/\/)?[A-Za-z0-9._-]+:\d{1,5}$/.test(e))
  return bad === undefined ? undefined : `"${bad}" is not host:port.`
}

export function toSaveArgs(d: ProfileDraft): ToArgsResult {
  const errors: ProfileErrors = {}
  if (d.name.trim() === '') errors.name = 'A profile needs a name.'
  const servers = hostPortProblem(d.bootstrapServers)
  if (servers !== undefined) errors.bootstrapServers = servers
  if (usesSasl(d.securityProtocol) && d.saslUsername.trim() === '') errors.saslUsername = 'SASL needs a user name.'
  const url = d.registryUrl.trim()
  if (url !== '' && !validUrl(url)) errors.registryUrl = 'The registry URL starts with http:// or https://.'
  if (url !== '' && d.registryAuth === 'basic' && d.registryUsername.trim() === '') errors.registryUsername = 'Basic auth needs a user name.'
  if (d.caPem.trim() !== '' && !d.caPem.includes('-----BEGIN CERTIFICATE-----')) errors.caPem = 'This is not a PEM certificate (-----BEGIN CERTIFICATE-----).'
  if (d.registryCaPem.trim() !== '' && !d.registryCaPem.includes('-----BEGIN CERTIFICATE-----')) errors.registryCaPem = 'This is not a PEM certificate (-----BEGIN CERTIFICATE-----).'
  if (d.clientKeyPem.text !== '' && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(d.clientKeyPem.text)) errors.clientKeyPem = 'This is not a PEM private key.'
  const keys = d.extraProperties.map((r) => r.key.trim())
  const blank = d.extraProperties.findIndex((r, i) => keys[i] === '' && r.value.trim() !== '')
  const duplicate = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i)
  if (blank >= 0) errors.extraProperties = `Row ${blank + 1} has a value but no property name.`
  else if (duplicate !== undefined) errors.extraProperties = `Property "${duplicate}" is listed twice.`
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const auth: SaveProfileArgs['registry']['auth'] =
    d.registryAuth === 'basic'
      ? withSecret({ kind: 'basic', username: d.registryUsername.trim() }, 'password', secretChange(d.registryPassword))
      : d.registryAuth === 'bearer'
        ? withSecret({ kind: 'bearer' }, 'token', secretChange(d.registryToken))
        : { kind: 'none' }
  const args: SaveProfileArgs = {
    name: d.name.trim(),
    bootstrapServers: d.bootstrapServers.trim(),
    securityProtocol: d.securityProtocol,
    sasl: withSecret({ mechanism: d.saslMechanism, username: d.saslUsername.trim() }, 'password', secretChange(d.saslPassword)),
    tls: withSecret(withSecret({ verifyHostname: d.verifyHostname }, 'clientKeyPem', secretChange(d.clientKeyPem)), 'keyPassword', secretChange(d.keyPassword)),
    registry: { auth },
    extraProperties: d.extraProperties.filter((r) => r.key.trim() !== '').map((r) => ({ key: r.key.trim(), value: r.value }))
  }
  if (d.id !== undefined) args.id = d.id
  if (d.caPem.trim() !== '') args.tls.caPem = d.caPem
  if (d.clientCertPem.trim() !== '') args.tls.clientCertPem = d.clientCertPem
  if (url !== '') args.registry.url = url
  if (url !== '' && d.registryCaPem.trim() !== '') args.registry.caPem = d.registryCaPem
  if (d.groupIdPrefix.trim() !== '') args.groupIdPrefix = d.groupIdPrefix.trim()
  return { ok: true, args }
}

function withSecret<T extends object, K extends string>(target: T, key: K, change: string | null | undefined): T & { [P in K]?: string | null } {
  return change === undefined ? target : { ...target, [key]: change }
}

/** Names of missing secrets for the UI. */
export const SECRET_LABELS: Record<ProfileDto['missingSecrets'][number], string> = {
  saslPassword: 'SASL password',
  tlsClientKeyPem: 'TLS client key',
  tlsKeyPassword: 'TLS key password',
  registryPassword: 'registry password',
  registryToken: 'registry token'
}
