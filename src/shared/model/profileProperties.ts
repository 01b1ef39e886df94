import type { ConnectionProfile, ProfileDto, ProfileSecrets, ProfileSettings, SecretField, StoredProfile } from './profiles'

const LOGIN_MODULES = {
  PLAIN: 'org.apache.kafka.common.security.plain.PlainLoginModule',
  'SCRAM-SHA-256': 'org.apache.kafka.common.security.scram.ScramLoginModule',
  'SCRAM-SHA-512': 'org.apache.kafka.common.security.scram.ScramLoginModule'
} as const

/** A JAAS quoted value: backslashes and double quotes escaped. */
function jaasQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function usesSasl(settings: ProfileSettings): boolean {
  return settings.securityProtocol === 'SASL_PLAINTEXT' || settings.securityProtocol === 'SASL_SSL'
}

function usesTls(settings: ProfileSettings): boolean {
  return settings.securityProtocol === 'SSL' || settings.securityProtocol === 'SASL_SSL'
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

/** "a:1, b:2\nc:3" → "a:1,b:2,c:3" */
function normalizeServers(text: string): string {
  return text
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .join(',')
}

/**
 * The Java-style Kafka properties (the dict `translateKafkaConfig` and `consume()` take) for a profile
 * and its secrets. Extra properties come last, so an explicit row wins over a generated one.
 */
export function profileToKafkaProperties(settings: ProfileSettings, secrets: ProfileSecrets): Record<string, string> {
  const props: Record<string, string> = {
    'bootstrap.servers': normalizeServers(settings.bootstrapServers),
    'security.protocol': settings.securityProtocol
  }
  if (usesSasl(settings)) {
    const { mechanism, username } = settings.sasl
    props['sasl.mechanism'] = mechanism
    const password = secrets.saslPassword !== undefined ? ` password=${jaasQuote(secrets.saslPassword)}` : ''
    props['sasl.jaas.config'] = `${LOGIN_MODULES[mechanism]} required username=${jaasQuote(username)}${password};`
  }
  if (usesTls(settings)) {
    const { caPem, clientCertPem, verifyHostname } = settings.tls
    if (present(caPem)) {
      props['ssl.truststore.type'] = 'PEM'
      props['ssl.truststore.certificates'] = caPem
    }
    const key = secrets.tlsClientKeyPem
    if (present(clientCertPem) || present(key)) {
      props['ssl.keystore.type'] = 'PEM'
      if (present(clientCertPem)) props['ssl.keystore.certificate.chain'] = clientCertPem
      if (present(key)) props['ssl.keystore.key'] = key
      if (present(secrets.tlsKeyPassword)) props['ssl.key.password'] = secrets.tlsKeyPassword
    }
    if (!verifyHostname) props['ssl.endpoint.identification.algorithm'] = ''
  }
  const { url, auth } = settings.registry
  if (present(url)) {
    props['schema.registry.url'] = url.trim()
    if (present(settings.registry.caPem)) {
      props['schema.registry.ssl.truststore.type'] = 'PEM'
      props['schema.registry.ssl.truststore.certificates'] = settings.registry.caPem
    }
    if (auth.kind === 'basic') {
      props['basic.auth.credentials.source'] = 'USER_INFO'
      props['basic.auth.user.info'] = `${auth.username}:${secrets.registryPassword ?? ''}`
    } else if (auth.kind === 'bearer') {
      props['bearer.auth.credentials.source'] = 'STATIC_TOKEN'
      props['bearer.auth.token'] = secrets.registryToken ?? ''
    }
  }
  for (const { key, value } of settings.extraProperties) props[key.trim()] = value
  return props
}

/** The secrets a profile needs to connect but does not have. */
export function missingSecrets(settings: ProfileSettings, secrets: ProfileSecrets): SecretField[] {
  const missing: SecretField[] = []
  if (usesSasl(settings) && secrets.saslPassword === undefined) missing.push('saslPassword')
  if (usesTls(settings) && present(settings.tls.clientCertPem) && !present(secrets.tlsClientKeyPem)) missing.push('tlsClientKeyPem')
  if (present(settings.registry.url)) {
    if (settings.registry.auth.kind === 'basic' && secrets.registryPassword === undefined) missing.push('registryPassword')
    if (settings.registry.auth.kind === 'bearer' && !present(secrets.registryToken)) missing.push('registryToken')
  }
  return missing
}

/** Splits a full profile into what is stored in plain JSON and its secrets. */
export function splitSecrets(profile: ConnectionProfile): { stored: StoredProfile; secrets: ProfileSecrets } {
  const { sasl, tls, registry, ...rest } = profile
  const secrets: ProfileSecrets = {}
  if (sasl.password !== undefined) secrets.saslPassword = sasl.password
  if (tls.clientKeyPem !== undefined) secrets.tlsClientKeyPem = tls.clientKeyPem
  if (tls.keyPassword !== undefined) secrets.tlsKeyPassword = tls.keyPassword
  let auth: StoredProfile['registry']['auth'] = { kind: 'none' }
  if (registry.auth.kind === 'basic') {
    auth = { kind: 'basic', username: registry.auth.username }
    if (registry.auth.password !== undefined) secrets.registryPassword = registry.auth.password
  } else if (registry.auth.kind === 'bearer') {
    auth = { kind: 'bearer' }
    if (registry.auth.token !== undefined) secrets.registryToken = registry.auth.token
  }
  const stored: StoredProfile = {
    ...rest,
    sasl: { mechanism: sasl.mechanism, username: sasl.username },
    tls: withoutUndefined({ caPem: tls.caPem, clientCertPem: tls.clientCertPem, verifyHostname: tls.verifyHostname }),
    registry: withoutUndefined({ url: registry.url, caPem: registry.caPem, auth })
  }
  return { stored, secrets }
}

/** Puts a stored profile and its secrets back together. */
export function withSecrets(stored: StoredProfile, secrets: ProfileSecrets): ConnectionProfile {
  const auth = stored.registry.auth
  return {
    ...stored,
    sasl: withoutUndefined({ ...stored.sasl, password: secrets.saslPassword }),
    tls: withoutUndefined({ ...stored.tls, clientKeyPem: secrets.tlsClientKeyPem, keyPassword: secrets.tlsKeyPassword }),
    registry: {
      ...stored.registry,
      auth:
        auth.kind === 'basic'
          ? withoutUndefined({ ...auth, password: secrets.registryPassword })
          : auth.kind === 'bearer'
            ? withoutUndefined({ ...auth, token: secrets.registryToken })
            : auth
    }
  }
}

/** The profile as the UI sees it: each secret replaced by whether it is set. */
export function toProfileDto(stored: StoredProfile, secrets: ProfileSecrets): ProfileDto {
  const auth = stored.registry.auth
  return {
    ...stored,
    sasl: { ...stored.sasl, hasPassword: secrets.saslPassword !== undefined },
    tls: { ...stored.tls, hasClientKey: secrets.tlsClientKeyPem !== undefined, hasKeyPassword: secrets.tlsKeyPassword !== undefined },
    registry: {
      ...stored.registry,
      auth:
        auth.kind === 'basic'
          ? { ...auth, hasPassword: secrets.registryPassword !== undefined }
          : auth.kind === 'bearer'
            ? { kind: 'bearer', hasToken: secrets.registryToken !== undefined }
            : auth
    },
    missingSecrets: missingSecrets(stored, secrets)
  }
}

function withoutUndefined<T extends object>(value: T): T {
  const out = { ...value }
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key]
  return out
}
