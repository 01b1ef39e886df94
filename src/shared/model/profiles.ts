import { z } from 'zod'

/**
 * Connection profiles. A profile has settings (safe to show, store in plain JSON and export) and
 * secrets (SASL password, TLS private key and its passphrase, registry password or token), which are
 * kept apart: the DTO the UI sees replaces each secret with a `has…` flag.
 */

export const PROFILE_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const
export const PROFILE_SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const

export const ProfileIdSchema = z.string().min(1).max(64)
export const SecurityProtocolSchema = z.enum(PROFILE_SECURITY_PROTOCOLS)
export const SaslMechanismSchema = z.enum(PROFILE_SASL_MECHANISMS)

const Text = z.string().max(1_000)
/** PEM text (certificates, keys), pasted or read from a file by the UI. */
const Pem = z.string().max(1_000_000)
const Secret = z.string().max(1_000_000)
const Timestamp = z.string().max(64)

export const ExtraPropertySchema = z.object({ key: z.string().min(1).max(300), value: z.string().max(100_000) })
export type ExtraProperty = z.infer<typeof ExtraPropertySchema>

// ---- Settings: no secrets (what is stored in profiles.json and exported) ----

const SaslSettings = z.object({ mechanism: SaslMechanismSchema, username: Text })
const TlsSettings = z.object({ caPem: Pem.optional(), clientCertPem: Pem.optional(), verifyHostname: z.boolean() })
const RegistryAuthSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('basic'), username: Text }),
  z.object({ kind: z.literal('bearer') })
])
/** `caPem`: the CA certificate(s) an https registry's certificate is checked against (instead of the system's). */
const RegistrySettings = z.object({ url: Text.optional(), caPem: Pem.optional(), auth: RegistryAuthSettings })

export const ProfileSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  bootstrapServers: z.string().trim().min(1).max(10_000),
  securityProtocol: SecurityProtocolSchema,
  sasl: SaslSettings,
  tls: TlsSettings,
  registry: RegistrySettings,
  extraProperties: z.array(ExtraPropertySchema).max(500),
  groupIdPrefix: Text.optional()
})
export type ProfileSettings = z.infer<typeof ProfileSettingsSchema>

/** A profile as stored on disk: settings plus identity, never secrets. */
export const StoredProfileSchema = ProfileSettingsSchema.extend({ id: ProfileIdSchema, createdAt: Timestamp, updatedAt: Timestamp })
export type StoredProfile = z.infer<typeof StoredProfileSchema>

/** The secrets of one profile, kept apart from its settings (encrypted at rest). */
export const ProfileSecretsSchema = z.object({
  saslPassword: Secret.optional(),
  tlsClientKeyPem: Secret.optional(),
  tlsKeyPassword: Secret.optional(),
  registryPassword: Secret.optional(),
  registryToken: Secret.optional()
})
export type ProfileSecrets = z.infer<typeof ProfileSecretsSchema>
export const SECRET_FIELDS = ['saslPassword', 'tlsClientKeyPem', 'tlsKeyPassword', 'registryPassword', 'registryToken'] as const
export type SecretField = (typeof SECRET_FIELDS)[number]

// ---- The whole profile, secrets inline (main process only) ----

export const ConnectionProfileSchema = StoredProfileSchema.extend({
  sasl: SaslSettings.extend({ password: Secret.optional() }),
  tls: TlsSettings.extend({ clientKeyPem: Secret.optional(), keyPassword: Secret.optional() }),
  registry: z.object({
    url: Text.optional(),
    caPem: Pem.optional(),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('basic'), username: Text, password: Secret.optional() }),
      z.object({ kind: z.literal('bearer'), token: Secret.optional() })
    ])
  })
})
export type ConnectionProfile = z.infer<typeof ConnectionProfileSchema>

// ---- What the UI sees: secrets replaced by flags ----

export const ProfileDtoSchema = StoredProfileSchema.extend({
  sasl: SaslSettings.extend({ hasPassword: z.boolean() }),
  tls: TlsSettings.extend({ hasClientKey: z.boolean(), hasKeyPassword: z.boolean() }),
  registry: z.object({
    url: Text.optional(),
    caPem: Pem.optional(),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('basic'), username: Text, hasPassword: z.boolean() }),
      z.object({ kind: z.literal('bearer'), hasToken: z.boolean() })
    ])
  }),
  /** Secrets the connection needs but that are not stored (after an import, say). */
  missingSecrets: z.array(z.enum(SECRET_FIELDS))
})
export type ProfileDto = z.infer<typeof ProfileDtoSchema>

// ---- Saving: a secret field left out keeps the stored value, null clears it, text replaces it ----

const SecretChange = Secret.nullable().optional()
export const SaveProfileArgsSchema = ProfileSettingsSchema.extend({
  /** Absent: create a new profile. */
  id: ProfileIdSchema.optional(),
  sasl: SaslSettings.extend({ password: SecretChange }),
  tls: TlsSettings.extend({ clientKeyPem: SecretChange, keyPassword: SecretChange }),
  registry: z.object({
    url: Text.optional(),
    caPem: Pem.optional(),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('basic'), username: Text, password: SecretChange }),
      z.object({ kind: z.literal('bearer'), token: SecretChange })
    ])
  })
})
export type SaveProfileArgs = z.infer<typeof SaveProfileArgsSchema>

// ---- Import / export (a file without secrets) ----

export const PROFILE_EXPORT_FORMAT = 'topic-tables-profiles'
export const ProfileExportSchema = z.object({
  format: z.literal(PROFILE_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: Timestamp,
  profiles: z.array(ProfileSettingsSchema)
})
export type ProfileExport = z.infer<typeof ProfileExportSchema>

export const ImportReportSchema = z.object({
  imported: z.array(z.object({ id: ProfileIdSchema, name: z.string(), missingSecrets: z.array(z.enum(SECRET_FIELDS)) })),
  /** Names of the imported profiles that need credentials before they can connect. */
  needCredentials: z.array(z.string()),
  /** Entries that could not be read, with the reason (never a value). */
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() }))
})
export type ImportReport = z.infer<typeof ImportReportSchema>

export { missingSecrets, profileToKafkaProperties, splitSecrets, toProfileDto, withSecrets } from './profileProperties'
