import type { ConnectionFailureKind } from '../../../shared/model/connectionTest'

interface ErrorLike {
  name?: unknown
  type?: unknown
  code?: unknown
  message?: unknown
  cause?: unknown
  originalError?: unknown
}

export interface ClassifiedFailure {
  kind: ConnectionFailureKind
  /** The messages of the error and its causes, outermost first, without repeats. */
  message: string
}

const TLS_PATTERN = /certificate|self[- ]signed|\bSSL\b|\bTLS\b|handshake|altnames|ERR_TLS|ERR_SSL|secure TLS connection|wrong version number|unable to verify/i
const SASL_TYPES = new Set(['SASL_AUTHENTICATION_FAILED', 'ILLEGAL_SASL_STATE', 'UNSUPPORTED_SASL_MECHANISM'])
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'])
const TIMEOUT_NAMES = new Set(['KafkaJSRequestTimeoutError', 'KafkaJSConnectionTimeout'])

/** The error and its causes (kafkajs nests them in `cause` or `originalError`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = []
  let current: unknown = error
  while (current !== null && typeof current === 'object' && out.length < 8 && !out.includes(current as ErrorLike)) {
    const e = current as ErrorLike
    out.push(e)
    current = e.cause ?? e.originalError
  }
  if (out.length === 0 && error !== undefined) out.push({ message: String(error) })
  return out
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Sorts a failure to connect into the kinds the connection report names (DNS, refused, TLS, SASL, ACL, …). */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const errors = chain(error)
  const messages: string[] = []
  for (const e of errors) {
    const m = text(e.message).trim()
    if (m !== '' && !messages.some((seen) => seen.includes(m))) messages.push(m)
  }
  const message = messages.join(': ') || 'unknown error'
  const names = errors.map((e) => text(e.name))
  const types = errors.map((e) => text(e.type))
  const codes = errors.map((e) => text(e.code))
  return { kind: kindOf(names, types, codes, message), message }
}

function kindOf(names: string[], types: string[], codes: string[], message: string): ConnectionFailureKind {
  if (names.includes('KafkaConfigError') || names.includes('RegistryConfigError')) return 'CONFIG'
  if (codes.some((c) => DNS_CODES.has(c)) || /ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) return 'DNS'
  if (codes.includes('ECONNREFUSED') || /ECONNREFUSED/.test(message)) return 'REFUSED'
  if (names.includes('KafkaJSSASLAuthenticationError') || types.some((t) => SASL_TYPES.has(t)) || /SASL|authentication failed/i.test(message)) return 'SASL'
  if (types.some((t) => t.endsWith('_AUTHORIZATION_FAILED')) || /not authorized|authorization failed/i.test(message)) return 'ACL'
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL') || c.includes('CERT') || c === 'DEPTH_ZERO_SELF_SIGNED_CERT') || TLS_PATTERN.test(message)) return 'TLS'
  if (codes.includes('ETIMEDOUT') || names.some((n) => TIMEOUT_NAMES.has(n)) || /timed? ?out|timeout/i.test(message)) return 'TIMEOUT'
  return 'OTHER'
}
