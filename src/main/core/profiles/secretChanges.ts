import type { ProfileSecrets, ProfileSettings, SaveProfileArgs, SecretField } from '../../../shared/model/profiles'

/** The settings part of a save request (secrets dropped). */
export function settingsOf(args: SaveProfileArgs): ProfileSettings {
  const { sasl, tls, registry } = args
  const settings: ProfileSettings = {
    name: args.name,
    bootstrapServers: args.bootstrapServers,
    securityProtocol: args.securityProtocol,
    sasl: { mechanism: sasl.mechanism, username: sasl.username },
    tls: { verifyHostname: tls.verifyHostname },
    registry: { auth: registry.auth.kind === 'basic' ? { kind: 'basic', username: registry.auth.username } : { kind: registry.auth.kind } },
    extraProperties: args.extraProperties.map(({ key, value }) => ({ key, value }))
  }
  if (tls.caPem !== undefined) settings.tls.caPem = tls.caPem
  if (tls.clientCertPem !== undefined) settings.tls.clientCertPem = tls.clientCertPem
  if (registry.url !== undefined) settings.registry.url = registry.url
  if (registry.caPem !== undefined) settings.registry.caPem = registry.caPem
  if (args.groupIdPrefix !== undefined) settings.groupIdPrefix = args.groupIdPrefix
  return settings
}

/**
 * The secrets after a save: a field left out keeps its stored value, null clears it, text replaces it.
 * Registry credentials of an auth kind no longer chosen are dropped.
 */
export function applySecretChanges(current: ProfileSecrets, args: SaveProfileArgs): ProfileSecrets {
  const next: ProfileSecrets = { ...current }
  const auth = args.registry.auth
  const changes: Record<SecretField, string | null | undefined> = {
    saslPassword: args.sasl.password,
    tlsClientKeyPem: args.tls.clientKeyPem,
    tlsKeyPassword: args.tls.keyPassword,
    registryPassword: auth.kind === 'basic' ? auth.password : null,
    registryToken: auth.kind === 'bearer' ? auth.token : null
  }
  for (const [field, change] of Object.entries(changes) as [SecretField, string | null | undefined][]) {
    if (change === null) delete next[field]
    else if (change !== undefined) next[field] = change
  }
  return next
}
