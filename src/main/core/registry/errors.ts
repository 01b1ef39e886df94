import { KafkaConfigError, type ConfigProblem } from '../kafka/config/errors'

/**
 * Stable error codes of the schema-registry client:
 * - REGISTRY_UNREACHABLE: no configured URL answered (connection refused, DNS, TLS, timeout, 502/503/504).
 * - SUBJECT_NOT_FOUND / VERSION_NOT_FOUND / SCHEMA_NOT_FOUND: Confluent error codes 40401 / 40402 / 40403.
 * - UNAUTHORIZED: HTTP 401 or 403 (missing or rejected credentials).
 * - WRONG_SCHEMA_TYPE: the schema exists but is not of the type the caller needs (or of no supported type).
 * - REGISTRY_ERROR: anything else the registry answered (500, 409 incompatible, 422 invalid schema, bad JSON, ...).
 */
export type RegistryErrorCode =
  | 'REGISTRY_UNREACHABLE'
  | 'SUBJECT_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'SCHEMA_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'WRONG_SCHEMA_TYPE'
  | 'REGISTRY_ERROR'

export interface RegistryErrorDetails {
  /** The registry base URL(s) tried, without credentials. */
  urls?: string[]
  /** HTTP status of the answer, when there was one. */
  status?: number
  /** Confluent `error_code` of the answer (40401, 40402, 40403, 409, 42201, ...), when there was one. */
  errorCode?: number
  subject?: string
  version?: number | 'latest'
  schemaId?: number
  cause?: unknown
}

/**
 * An error of the schema-registry client. `code` is stable (see RegistryErrorCode); the message names the
 * URL(s) tried and the subject / version / schema id asked for, and never contains a password or token.
 */
export class RegistryError extends Error {
  readonly code: RegistryErrorCode
  readonly urls: string[]
  readonly status?: number
  readonly errorCode?: number
  readonly subject?: string
  readonly version?: number | 'latest'
  readonly schemaId?: number

  constructor(code: RegistryErrorCode, message: string, details: RegistryErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'RegistryError'
    this.code = code
    this.urls = details.urls ?? []
    if (details.status !== undefined) this.status = details.status
    if (details.errorCode !== undefined) this.errorCode = details.errorCode
    if (details.subject !== undefined) this.subject = details.subject
    if (details.version !== undefined) this.version = details.version
    if (details.schemaId !== undefined) this.schemaId = details.schemaId
  }
}

/**
 * Thrown by `registrySettingsFromProperties` with every problem found (one `key: problem` line each).
 * A KafkaConfigError, so it is shown like any other property problem. Never contains a secret value.
 */
export class RegistryConfigError extends KafkaConfigError {
  constructor(problems: readonly ConfigProblem[]) {
    super(problems)
    this.name = 'RegistryConfigError'
  }
}
