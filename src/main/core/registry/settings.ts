/**
 * Schema-registry settings from the Kafka property map, read the way Confluent's serializers and
 * deserializers read them (and the way Deephaven's `consume()` passes them through):
 *
 * - `schema.registry.url`: one or more base URLs, comma-separated; tried in order.
 * - `basic.auth.credentials.source` (alias `schema.registry.basic.auth.credentials.source`):
 *   `USER_INFO` (credentials from `basic.auth.user.info`, alias `schema.registry.basic.auth.user.info`,
 *   as `user:password`) or `URL` (Confluent's default: credentials from the URL's user-info part,
 *   `https://user:password@host`). `basic.auth.user.info` without a source counts as USER_INFO.
 * - `bearer.auth.credentials.source=STATIC_TOKEN` with `bearer.auth.token` (a token without a source
 *   counts as STATIC_TOKEN); optional `bearer.auth.logical.cluster` and `bearer.auth.identity.pool.id`
 *   (Confluent Cloud's `target-sr-cluster` and `Confluent-Identity-Pool-Id` headers).
 * - `schema.registry.ssl.*`: the same PEM trust store / key store / host-name settings as the Kafka
 *   `ssl.*` properties (`truststore.type=PEM` + `.location` or `.certificates`, `keystore.*`,
 *   `key.password`, `endpoint.identification.algorithm`, `protocol`, `enabled.protocols`, `cipher.suites`).
 * - `schema.registry.request.timeout.ms`: per-URL request timeout (default 10000).
 *
 * Other keys of the map (Kafka client properties, serde options like `auto.register.schemas`) are
 * ignored here; an unknown `schema.registry.*`, `basic.auth.*` or `bearer.auth.*` key is an error.
 */
import { readFileSync } from 'node:fs'
import type { ConnectionOptions } from 'node:tls'
import { Problems, type ConfigProblem } from '../kafka/config/errors'
import { SSL_KEYS, closestKey } from '../kafka/config/keys'
import { PropertyReader } from '../kafka/config/reader'
import type { ReadFile } from '../kafka/config/stores'
import { translateTls } from '../kafka/config/tls'
import { RegistryConfigError } from './errors'

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string; logicalCluster?: string; identityPoolId?: string }

export interface RegistryEndpoint {
  /** Base URL without credentials and without a trailing slash, e.g. `http://host:8081/apis/ccompat/v7`. */
  url: string
  /** Basic-auth credentials from the URL itself (basic.auth.credentials.source=URL). */
  credentials?: { username: string; password: string }
}

export interface RegistrySettings {
  /** In the order they are tried. */
  endpoints: RegistryEndpoint[]
  /** Applies to every endpoint; an endpoint's own `credentials` win when auth is 'none'. */
  auth: RegistryAuth
  /** Node TLS options for https URLs (custom CA, client certificate, host-name check). */
  tls: ConnectionOptions
  /** Timeout of one request to one URL, in milliseconds. */
  requestTimeoutMs: number
}

export type RegistryPropertyValue = string | number | boolean | null | undefined

const URL_KEY = 'schema.registry.url'
const SOURCE_KEYS = ['basic.auth.credentials.source', 'schema.registry.basic.auth.credentials.source'] as const
const USER_INFO_KEYS = ['basic.auth.user.info', 'schema.registry.basic.auth.user.info'] as const
const BEARER_SOURCE = 'bearer.auth.credentials.source'
const BEARER_TOKEN = 'bearer.auth.token'
const BEARER_CLUSTER = 'bearer.auth.logical.cluster'
const BEARER_POOL = 'bearer.auth.identity.pool.id'
const TIMEOUT_KEY = 'schema.registry.request.timeout.ms'
const SSL_PREFIX = 'schema.registry.'

/** Every key this module understands. */
export const REGISTRY_SETTING_KEYS: readonly string[] = [
  URL_KEY,
  ...SOURCE_KEYS,
  ...USER_INFO_KEYS,
  BEARER_SOURCE,
  BEARER_TOKEN,
  BEARER_CLUSTER,
  BEARER_POOL,
  TIMEOUT_KEY,
  ...SSL_KEYS.map((k) => SSL_PREFIX + k)
]

/** Confluent keys with a known meaning that cannot be honoured here. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  'bearer.auth.issuer.endpoint.url': 'OAuth client-credentials token fetching is not supported; use bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token.',
  'bearer.auth.client.id': 'OAuth client-credentials token fetching is not supported; use bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token.',
  'bearer.auth.client.secret': 'OAuth client-credentials token fetching is not supported; use bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token.',
  'bearer.auth.scope': 'OAuth client-credentials token fetching is not supported; use bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token.',
  'bearer.auth.custom.provider.class': 'a custom Java token provider cannot be loaded; use bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token.',
  'schema.registry.ssl.engine.factory.class': 'a custom Java SSL engine cannot be loaded; use the schema.registry.ssl.truststore.*/keystore.* PEM settings.'
}

const FAMILIES = ['schema.registry.', 'basic.auth.', 'bearer.auth.']

/** Whether `key` is one this module owns (known or not): `schema.registry.*`, `basic.auth.*`, `bearer.auth.*`. */
export function isRegistryKey(key: string): boolean {
  return FAMILIES.some((f) => key.startsWith(f))
}

/** Records problems into `target`, re-prefixing the `ssl.*` keys and names that translateTls reports. */
class PrefixedProblems extends Problems {
  constructor(private readonly target: Problems) {
    super()
  }

  override add(key: string, problem: string): void {
    const prefixed = problem.replace(/(?<![\w.])ssl\.(?=[a-z])/g, SSL_PREFIX + 'ssl.').replace(/\bthe broker's\b/g, "the registry's")
    this.target.add(key.startsWith('ssl.') ? SSL_PREFIX + key : key, prefixed)
  }
}

class ListProblems extends Problems {
  readonly items: ConfigProblem[] = []

  override add(key: string, problem: string): void {
    super.add(key, problem)
    this.items.push({ key, problem })
  }
}

function suggest(key: string): string | undefined {
  return closestKey(key.toLowerCase(), REGISTRY_SETTING_KEYS, Math.max(2, Math.floor(key.length / 6)))
}

/** Splits `user:password` at the first colon. */
function splitUserInfo(text: string): { username: string; password: string } | undefined {
  const i = text.indexOf(':')
  if (i < 0) return undefined
  return { username: text.slice(0, i), password: text.slice(i + 1) }
}

function readAlias(reader: PropertyReader, keys: readonly string[], what: string): { key: string; value: string } | undefined {
  const set = keys.filter((k) => reader.isSet(k))
  if (set.length === 0) return undefined
  const values = set.map((k) => reader.string(k))
  if (values.some((v) => v === undefined)) return undefined
  if (set.length > 1 && new Set(values).size > 1) {
    reader.problems.add(set[1]!, `conflicts with ${set[0]}; both set the ${what}. Keep only one of them.`)
    return undefined
  }
  return { key: set[0]!, value: values[0]! }
}

function parseUrls(reader: PropertyReader): RegistryEndpoint[] {
  const raw = reader.string(URL_KEY)
  if (raw === undefined) {
    if (!reader.isSet(URL_KEY)) {
      reader.problems.add(URL_KEY, 'is required to use a schema registry: set it to the registry base URL, e.g. http://localhost:8081.')
    }
    return []
  }
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (parts.length === 0) {
    reader.problems.add(URL_KEY, 'is empty: set it to the registry base URL, e.g. http://localhost:8081 (several: comma-separated).')
    return []
  }
  const endpoints: RegistryEndpoint[] = []
  for (const part of parts) {
    let url: URL
    try {
      url = new URL(part)
    } catch {
      // Never echo a value that may hold user-info credentials.
      const shown = /@/.test(part) ? '(a value with credentials, hidden)' : JSON.stringify(part)
      reader.problems.add(URL_KEY, `${shown} is not a URL; write it as http://host:port or https://host:port (with the API path, if any).`)
      continue
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reader.problems.add(URL_KEY, `${url.protocol.replace(/:$/, '')} URLs are not supported; use http:// or https://.`)
      continue
    }
    if (url.search || url.hash) {
      reader.problems.add(URL_KEY, `${url.origin}${url.pathname}: a registry base URL takes no query string or fragment.`)
      continue
    }
    const endpoint: RegistryEndpoint = { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
    if (url.username || url.password) {
      endpoint.credentials = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    }
    endpoints.push(endpoint)
  }
  return endpoints
}

function readAuth(reader: PropertyReader, endpoints: RegistryEndpoint[]): RegistryAuth {
  const source = readAlias(reader, SOURCE_KEYS, 'basic-auth credentials source')
  const userInfo = readAlias(reader, USER_INFO_KEYS, 'basic-auth credentials')
  const bearerSource = reader.isSet(BEARER_SOURCE) ? reader.string(BEARER_SOURCE) : undefined
  const token = reader.isSet(BEARER_TOKEN) ? reader.string(BEARER_TOKEN) : undefined
  const urlCredentials = endpoints.some((e) => e.credentials)

  let basicMode: 'USER_INFO' | 'URL' | undefined
  if (source) {
    const v = source.value.trim().toUpperCase()
    if (v === 'USER_INFO' || v === 'URL') basicMode = v
    else if (v === 'SASL_INHERIT') {
      reader.problems.add(source.key, 'SASL_INHERIT is not supported; set USER_INFO and put the registry credentials in basic.auth.user.info (user:password).')
    } else reader.problems.add(source.key, `must be USER_INFO or URL, not ${JSON.stringify(source.value)}.`)
  } else if (userInfo) {
    basicMode = 'USER_INFO' // the Python client's behaviour: user.info alone is enough
  }

  const bearerWanted = bearerSource !== undefined || token !== undefined
  if (bearerWanted && (source || userInfo)) {
    reader.problems.add(
      bearerSource !== undefined ? BEARER_SOURCE : BEARER_TOKEN,
      `cannot be combined with basic auth (${source?.key ?? userInfo!.key}); configure only one of basic and bearer auth.`
    )
    return { kind: 'none' }
  }

  if (bearerWanted) {
    if (bearerSource !== undefined && bearerSource.trim().toUpperCase() !== 'STATIC_TOKEN') {
      reader.problems.add(
        BEARER_SOURCE,
        `${JSON.stringify(bearerSource)} is not supported; only STATIC_TOKEN (with bearer.auth.token) is.`
      )
      return { kind: 'none' }
    }
    if (token === undefined || token.trim() === '') {
      if (!reader.problems.hasFor(BEARER_TOKEN)) reader.problems.add(BEARER_TOKEN, 'is required with bearer.auth.credentials.source=STATIC_TOKEN.')
      return { kind: 'none' }
    }
    if (urlCredentials) reader.problems.add(URL_KEY, 'holds user-info credentials, which cannot be combined with bearer auth; remove them from the URL.')
    const auth: RegistryAuth = { kind: 'bearer', token: token.trim() }
    const cluster = reader.isSet(BEARER_CLUSTER) ? reader.string(BEARER_CLUSTER) : undefined
    const pool = reader.isSet(BEARER_POOL) ? reader.string(BEARER_POOL) : undefined
    if (cluster) auth.logicalCluster = cluster.trim()
    if (pool) auth.identityPoolId = pool.trim()
    return auth
  }
  for (const key of [BEARER_CLUSTER, BEARER_POOL]) {
    if (reader.isSet(key)) reader.problems.add(key, `only applies to bearer auth; set ${BEARER_SOURCE}=STATIC_TOKEN and ${BEARER_TOKEN}, or remove it.`)
  }

  if (basicMode === 'USER_INFO') {
    if (!userInfo) {
      if (!USER_INFO_KEYS.some((k) => reader.problems.hasFor(k))) {
        reader.problems.add(USER_INFO_KEYS[0], 'is required with basic.auth.credentials.source=USER_INFO: set it to user:password.')
      }
      return { kind: 'none' }
    }
    const creds = splitUserInfo(userInfo.value)
    if (!creds) {
      reader.problems.add(userInfo.key, 'must be user:password (the user name, a colon, then the password).')
      return { kind: 'none' }
    }
    if (urlCredentials && !source) {
      reader.problems.add(userInfo.key, `is set while ${URL_KEY} also holds user-info credentials; remove one of them.`)
      return { kind: 'none' }
    }
    return { kind: 'basic', username: creds.username, password: creds.password }
  }
  if (basicMode === 'URL') {
    if (userInfo) reader.problems.add(userInfo.key, `is not used with basic.auth.credentials.source=URL (credentials come from ${URL_KEY}); set USER_INFO or remove it.`)
    else if (!urlCredentials && endpoints.length > 0) {
      reader.problems.add(source!.key, `is URL, but ${URL_KEY} holds no credentials (http://user:password@host:port); add them or set USER_INFO.`)
    }
  }
  return { kind: 'none' }
}

function readTimeout(reader: PropertyReader): number {
  return reader.int(TIMEOUT_KEY, 1) ?? DEFAULT_REQUEST_TIMEOUT_MS
}

function readTls(reader: PropertyReader, problems: Problems, readFile: ReadFile): ConnectionOptions {
  const entries: [string, unknown][] = []
  for (const key of reader.keys()) {
    if (key.startsWith(SSL_PREFIX + 'ssl.')) entries.push([key.slice(SSL_PREFIX.length), reader.raw(key)])
  }
  if (entries.length === 0) return {}
  const tls = translateTls(new PropertyReader(entries, new PrefixedProblems(problems)), readFile)
  return tls === true ? {} : tls
}

/**
 * Validates and reads the schema-registry settings out of a Kafka property map (see the module comment
 * for the keys). Throws a RegistryConfigError listing every problem; messages never show secrets.
 */
export function registrySettingsFromProperties(
  props: Readonly<Record<string, RegistryPropertyValue>>,
  options: { readFile?: ReadFile } = {}
): RegistrySettings {
  const problems = new ListProblems()
  const entries = Object.entries(props).filter(([key]) => isRegistryKey(key))
  const reader = new PropertyReader(entries, problems)
  const known = new Set(REGISTRY_SETTING_KEYS)
  for (const [key] of entries) {
    if (known.has(key)) continue
    if (Object.prototype.hasOwnProperty.call(UNSUPPORTED, key)) {
      problems.add(key, `is not supported: ${UNSUPPORTED[key]}`)
      continue
    }
    const hint = suggest(key)
    problems.add(
      key,
      `is not a known schema-registry setting${hint ? `; did you mean ${hint}?` : '.'} Supported: ${URL_KEY}, basic.auth.*, bearer.auth.* (STATIC_TOKEN), ${TIMEOUT_KEY} and schema.registry.ssl.*.`
    )
  }
  const endpoints = parseUrls(reader)
  const auth = readAuth(reader, endpoints)
  const requestTimeoutMs = readTimeout(reader)
  const tls = readTls(reader, problems, options.readFile ?? ((path) => readFileSync(path, 'utf8')))
  if (problems.items.length > 0) throw new RegistryConfigError(problems.items)
  return { endpoints, auth, tls, requestTimeoutMs }
}

/** Whether a property map configures a schema registry at all (`schema.registry.url` present). */
export function hasRegistrySettings(props: Readonly<Record<string, RegistryPropertyValue>>): boolean {
  const url = props[URL_KEY]
  return url !== undefined && url !== null && String(url).trim() !== ''
}
