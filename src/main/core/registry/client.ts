/**
 * Client for a Confluent-compatible schema registry REST API (Confluent Schema Registry, Apicurio's
 * `/apis/ccompat/v7`, Redpanda, Karapace). Used by the Avro / Protobuf / JSON Schema key-value specs to
 * turn the schema id of a record (Confluent wire format) into a schema, and by tests (and later a
 * producer) to register schemas.
 *
 * - Several base URLs: tried in order; the one that last answered is tried first next time. A URL is
 *   skipped on a network error, a timeout or HTTP 502/503/504; any other answer is final.
 * - Caching: schemas by id forever (ids are immutable), subject/version lookups for a short TTL
 *   (default 10 s), and identical requests in flight share one HTTP request.
 * - Errors: RegistryError with a stable `code`; messages name the URL(s) tried and the subject /
 *   version / id, never a password or token.
 */
import { RegistryError, type RegistryErrorCode, type RegistryErrorDetails } from './errors'
import { registrySettingsFromProperties, type RegistryPropertyValue, type RegistrySettings } from './settings'
import { Transport, TransportError, describeNetworkError, type TransportResponse } from './transport'
import { PromiseCache } from './promiseCache'
import {
  SCHEMA_TYPES,
  type SchemaType,
  type CompatibilityLevel,
  type CompatibilitySetting,
  type SchemaReference,
  type RegistrySchema,
  type SubjectVersion,
  type ResolvedReference,
  type RegistryClientOptions,
  type SchemaTypeExpectation,
  type RegistryClient
} from './registryTypes'

export { COMPATIBILITY_LEVELS, SCHEMA_TYPES } from './registryTypes'
export type { SchemaType, CompatibilityLevel, CompatibilitySetting, SchemaReference, RegistrySchema, SubjectVersion, ResolvedReference, RegistryClientOptions, SchemaTypeExpectation, RegistryClient } from './registryTypes'

/** Confluent's "subject has no subject-level compatibility configured". */
const SUBJECT_CONFIG_NOT_FOUND = 40408

export const DEFAULT_SUBJECT_CACHE_TTL_MS = 10_000

const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5'
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json'
const FAILOVER_STATUSES = new Set([502, 503, 504])

interface CallContext {
  /** What was asked for, for messages: "schema id 5", "subject 'orders-value' version latest". */
  what: string
  subject?: string
  version?: number | 'latest'
  schemaId?: number
}

function isSettings(value: unknown): value is RegistrySettings {
  return typeof value === 'object' && value !== null && Array.isArray((value as RegistrySettings).endpoints)
}

/** `'x'` for messages. */
function q(text: string): string {
  return JSON.stringify(text).replace(/^"|"$/g, "'")
}

/** 'an AVRO', 'a PROTOBUF' */
function an(type: string): string {
  return `${/^[AEIOUX]/i.test(type) ? 'an' : 'a'} ${type}`
}

function versionText(version: number | 'latest'): string {
  return version === 'latest' ? 'latest' : String(version)
}

/**
 * A registry client from parsed settings, or straight from the Kafka property map
 * (`schema.registry.url`, `basic.auth.*`, `bearer.auth.*`, `schema.registry.ssl.*`, ...).
 */
export function createRegistryClient(
  settings: RegistrySettings | Readonly<Record<string, RegistryPropertyValue>>,
  options: RegistryClientOptions = {}
): RegistryClient {
  return new HttpRegistryClient(isSettings(settings) ? settings : registrySettingsFromProperties(settings), options)
}

class HttpRegistryClient implements RegistryClient {
  readonly urls: readonly string[]
  private readonly transport: Transport
  private readonly now: () => number
  private readonly userAgent: string
  private readonly secrets: string[]
  private readonly byId: PromiseCache<RegistrySchema>
  private readonly bySubject: PromiseCache<unknown>
  private readonly uncached: PromiseCache<unknown>
  private preferred = 0

  constructor(
    private readonly settings: RegistrySettings,
    options: RegistryClientOptions
  ) {
    if (settings.endpoints.length === 0) throw new RangeError('createRegistryClient: no schema registry URL')
    this.urls = Object.freeze(settings.endpoints.map((e) => e.url))
    this.transport = new Transport(settings.tls)
    this.now = options.now ?? Date.now
    this.userAgent = options.userAgent ?? 'topic-tables-registry-client'
    const ttl = options.subjectCacheTtlMs ?? DEFAULT_SUBJECT_CACHE_TTL_MS
    this.byId = new PromiseCache(Infinity, this.now)
    this.bySubject = new PromiseCache(ttl, this.now)
    this.uncached = new PromiseCache(0, this.now)
    this.secrets = collectSecrets(settings)
  }

  // -------------------------------------------------------------------------------------------
  // API

  listSubjects(): Promise<string[]> {
    return this.uncached.get('subjects', async () => {
      const body = await this.call('GET', '/subjects', { what: 'the subject list' })
      if (!Array.isArray(body) || !body.every((s) => typeof s === 'string')) throw this.badAnswer({ what: 'the subject list' }, 'a JSON array of subject names')
      return body
    }) as Promise<string[]>
  }

  listVersions(subject: string): Promise<number[]> {
    checkSubject(subject)
    const ctx: CallContext = { what: `the versions of subject ${q(subject)}`, subject }
    return this.bySubject.get(`versions\0${subject}`, async () => {
      const body = await this.call('GET', `/subjects/${encodeURIComponent(subject)}/versions`, ctx)
      if (!Array.isArray(body) || !body.every((v) => Number.isSafeInteger(v))) throw this.badAnswer(ctx, 'a JSON array of version numbers')
      return body as number[]
    }) as Promise<number[]>
  }

  async getSchemaById(id: number, options: SchemaTypeExpectation = {}): Promise<RegistrySchema> {
    if (!Number.isSafeInteger(id)) throw new RangeError(`schema id must be an integer, got ${String(id)}`)
    const ctx: CallContext = { what: `schema id ${id}`, schemaId: id }
    const schema = await this.byId.get(String(id), async () => {
      const body = await this.call('GET', `/schemas/ids/${id}`, ctx)
      return this.parseSchema(body, ctx, { id })
    })
    this.checkType(schema, ctx, options)
    return schema
  }

  async getSubjectVersion(subject: string, version: number | 'latest' = 'latest', options: SchemaTypeExpectation = {}): Promise<SubjectVersion> {
    checkSubject(subject)
    const v = normalizeVersion(version)
    const ctx: CallContext = { what: `subject ${q(subject)} version ${versionText(v)}`, subject, version: v }
    const sv = (await this.bySubject.get(`version\0${subject}\0${versionText(v)}`, async () => {
      const body = await this.call('GET', `/subjects/${encodeURIComponent(subject)}/versions/${versionText(v)}`, ctx)
      const parsed = this.parseSubjectVersion(body, ctx)
      this.byId.seed(String(parsed.id), Object.freeze({ id: parsed.id, schemaType: parsed.schemaType, schema: parsed.schema, references: parsed.references }))
      return parsed
    })) as SubjectVersion
    this.checkType(sv, ctx, options)
    return sv
  }

  async getReferencedSchemas(references: readonly SchemaReference[]): Promise<ResolvedReference[]> {
    const out: ResolvedReference[] = []
    const done = new Set<string>()
    const visiting: string[] = []
    const visit = async (ref: SchemaReference): Promise<void> => {
      const key = `${ref.name}\0${ref.subject}\0${ref.version}`
      if (done.has(key)) return
      if (visiting.includes(key)) {
        const cycle = [...visiting.slice(visiting.indexOf(key)), key].map((k) => k.split('\0').slice(1).join(' v')).join(' -> ')
        throw new RegistryError('REGISTRY_ERROR', this.redact(`Schema registry ${this.urls.join(', ')}: the schema references form a cycle: ${cycle}`), {
          urls: [...this.urls],
          subject: ref.subject
        })
      }
      visiting.push(key)
      const sv = await this.getSubjectVersion(ref.subject, ref.version)
      // Fetch the next level in parallel (deduplicated by the cache), then walk it in order.
      await Promise.allSettled(sv.references.map((r) => this.getSubjectVersion(r.subject, r.version)))
      for (const child of sv.references) await visit(child)
      visiting.pop()
      done.add(key)
      out.push(Object.freeze({ ...sv, name: ref.name }))
    }
    await Promise.allSettled(references.map((r) => this.getSubjectVersion(r.subject, r.version)))
    for (const ref of references) await visit(ref)
    return out
  }

  getCompatibility(subject?: string): Promise<CompatibilityLevel> {
    if (subject !== undefined) checkSubject(subject)
    const ctx: CallContext =
      subject === undefined ? { what: 'the global compatibility level' } : { what: `the compatibility level of subject ${q(subject)}`, subject }
    const path = subject === undefined ? '/config' : `/config/${encodeURIComponent(subject)}?defaultToGlobal=true`
    return this.uncached.get(`config\0${subject ?? ''}`, async () => {
      const body = (await this.call('GET', path, ctx)) as Record<string, unknown> | null
      const level = body?.compatibilityLevel ?? body?.compatibility
      if (typeof level !== 'string') throw this.badAnswer(ctx, 'a JSON object with compatibilityLevel')
      return level.toUpperCase()
    }) as Promise<CompatibilityLevel>
  }

  async getCompatibilitySetting(subject: string): Promise<CompatibilitySetting> {
    checkSubject(subject)
    const ctx: CallContext = { what: `the compatibility level of subject ${q(subject)}`, subject }
    const own = this.uncached.get(`config-own\0${subject}`, async () => {
      try {
        return this.parseLevel(await this.call('GET', `/config/${encodeURIComponent(subject)}`, ctx), ctx)
      } catch (err) {
        if (err instanceof RegistryError && (err.errorCode === SUBJECT_CONFIG_NOT_FOUND || (err.status === 404 && (err.errorCode === undefined || err.errorCode === 404)))) return null
        throw err
      }
    }) as Promise<CompatibilityLevel | null>
    const [subjectLevel, globalLevel] = await Promise.all([own, this.getCompatibility()])
    if (subjectLevel === null || subjectLevel === globalLevel) return { level: globalLevel, source: 'global' }
    return { level: subjectLevel, source: 'subject' }
  }

  private parseLevel(body: unknown, ctx: CallContext): CompatibilityLevel {
    const o = body as Record<string, unknown> | null
    const level = o?.compatibilityLevel ?? o?.compatibility
    if (typeof level !== 'string') throw this.badAnswer(ctx, 'a JSON object with compatibilityLevel')
    return level.toUpperCase() as CompatibilityLevel
  }

  async setCompatibility(level: CompatibilityLevel, subject?: string): Promise<CompatibilityLevel> {
    if (subject !== undefined) checkSubject(subject)
    const ctx: CallContext =
      subject === undefined ? { what: 'setting the global compatibility level' } : { what: `setting the compatibility level of subject ${q(subject)}`, subject }
    const path = subject === undefined ? '/config' : `/config/${encodeURIComponent(subject)}`
    const body = (await this.call('PUT', path, ctx, { compatibility: level })) as Record<string, unknown> | null
    const out = body?.compatibility ?? body?.compatibilityLevel
    if (typeof out !== 'string') throw this.badAnswer(ctx, 'a JSON object with compatibility')
    return out.toUpperCase() as CompatibilityLevel
  }

  async register(subject: string, schema: string, schemaType: SchemaType = 'AVRO', references: readonly SchemaReference[] = []): Promise<number> {
    checkSubject(subject)
    const ctx: CallContext = { what: `registering ${an(schemaType)} schema under subject ${q(subject)}`, subject }
    const body = (await this.call('POST', `/subjects/${encodeURIComponent(subject)}/versions`, ctx, registrationBody(schema, schemaType, references))) as Record<
      string,
      unknown
    > | null
    const id = body?.id
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw this.badAnswer(ctx, 'a JSON object with the schema id')
    this.bySubject.deleteWhere((key) => key.split('\0')[1] === subject)
    this.byId.seed(String(id), Object.freeze({ id, schemaType, schema, references: references.map((r) => ({ ...r })) }))
    return id
  }

  async lookupSchema(subject: string, schema: string, schemaType: SchemaType = 'AVRO', references: readonly SchemaReference[] = []): Promise<SubjectVersion> {
    checkSubject(subject)
    const ctx: CallContext = { what: `looking up ${an(schemaType)} schema in subject ${q(subject)}`, subject }
    const body = await this.call('POST', `/subjects/${encodeURIComponent(subject)}`, ctx, registrationBody(schema, schemaType, references))
    // Apicurio leaves schemaType out of this answer even for PROTOBUF/JSON: default to the type asked about.
    return this.parseSubjectVersion(body, ctx, schemaType)
  }

  clearCache(): void {
    this.byId.clear()
    this.bySubject.clear()
    this.uncached.clear()
  }

  close(): void {
    this.transport.close()
  }

  // -------------------------------------------------------------------------------------------
  // HTTP

  private authHeaders(endpointIndex: number): Record<string, string> {
    const auth = this.settings.auth
    if (auth.kind === 'basic') return { authorization: basic(auth.username, auth.password) }
    if (auth.kind === 'bearer') {
      const headers: Record<string, string> = { authorization: `Bearer ${auth.token}` }
      if (auth.logicalCluster) headers['target-sr-cluster'] = auth.logicalCluster
      if (auth.identityPoolId) headers['Confluent-Identity-Pool-Id'] = auth.identityPoolId
      return headers
    }
    const creds = this.settings.endpoints[endpointIndex]!.credentials
    return creds ? { authorization: basic(creds.username, creds.password) } : {}
  }

  private async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, ctx: CallContext, body?: unknown): Promise<unknown> {
    const endpoints = this.settings.endpoints
    const failures: string[] = []
    const tried: string[] = []
    const payload = body === undefined ? undefined : JSON.stringify(body)
    for (let n = 0; n < endpoints.length; n++) {
      const index = (this.preferred + n) % endpoints.length
      const base = endpoints[index]!.url
      tried.push(base)
      const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': this.userAgent, ...this.authHeaders(index) }
      if (payload !== undefined) headers['content-type'] = CONTENT_TYPE
      let res: TransportResponse
      try {
        res = await this.transport.request({ method, url: base + path, headers, body: payload, timeoutMs: this.settings.requestTimeoutMs })
      } catch (err) {
        if (err instanceof TransportError && err.code === 'CLOSED') {
          throw this.error('REGISTRY_UNREACHABLE', `Schema registry ${base}: ${ctx.what}: the client is closed`, ctx, { urls: tried })
        }
        failures.push(`${base} (${describeNetworkError(err).text})`)
        continue
      }
      if (FAILOVER_STATUSES.has(res.status)) {
        const detail = errorBody(res)
        failures.push(`${base} (HTTP ${res.status}${detail.message ? `: ${truncate(detail.message)}` : ''})`)
        continue
      }
      this.preferred = index
      return this.interpret(res, base, ctx, tried)
    }
    throw this.error(
      'REGISTRY_UNREACHABLE',
      `Schema registry unreachable for ${ctx.what}: tried ${failures.join('; ')}`,
      ctx,
      { urls: tried }
    )
  }

  private interpret(res: TransportResponse, base: string, ctx: CallContext, tried: string[]): unknown {
    const extra = { urls: tried, status: res.status }
    if (res.status >= 200 && res.status < 300) {
      if (res.body.trim() === '') return null
      try {
        return JSON.parse(res.body)
      } catch {
        throw this.error(
          'REGISTRY_ERROR',
          `Schema registry ${base}: ${ctx.what}: HTTP ${res.status} with a body that is not JSON (${res.contentType || 'no content type'}). Is ${base} the registry's REST API base URL (for Apicurio: .../apis/ccompat/v7)?`,
          ctx,
          extra
        )
      }
    }
    const detail = errorBody(res)
    const errorCode = detail.errorCode
    const withCode = { ...extra, ...(errorCode !== undefined ? { errorCode } : {}) }
    const serverText = detail.message ? `: ${truncate(detail.message)}` : ''
    if (res.status === 401 || res.status === 403) {
      const auth = this.settings.auth.kind !== 'none' || this.settings.endpoints.some((e) => e.credentials)
      const hint =
        res.status === 403
          ? 'the credentials are valid but not allowed to do this'
          : auth
            ? `the credentials were rejected; check ${this.settings.auth.kind === 'bearer' ? 'bearer.auth.token' : 'basic.auth.user.info'}`
            : 'the registry requires credentials; set basic.auth.credentials.source=USER_INFO with basic.auth.user.info=user:password, or bearer.auth.credentials.source=STATIC_TOKEN with bearer.auth.token'
      throw this.error('UNAUTHORIZED', `Schema registry ${base}: ${ctx.what}: HTTP ${res.status} (${hint})`, ctx, withCode)
    }
    if (errorCode === 40401) {
      throw this.error('SUBJECT_NOT_FOUND', `Schema registry ${base}: subject ${q(ctx.subject ?? '?')} not found (error 40401, while fetching ${ctx.what})`, ctx, withCode)
    }
    if (errorCode === 40402) {
      throw this.error(
        'VERSION_NOT_FOUND',
        `Schema registry ${base}: version ${ctx.version === undefined ? '?' : versionText(ctx.version)} of subject ${q(ctx.subject ?? '?')} not found (error 40402)`,
        ctx,
        withCode
      )
    }
    if (errorCode === 40403) {
      const what = ctx.schemaId !== undefined ? `schema id ${ctx.schemaId} not found` : `schema not found (${ctx.what})`
      throw this.error('SCHEMA_NOT_FOUND', `Schema registry ${base}: ${what} (error 40403)`, ctx, withCode)
    }
    if (res.status === 404 && (errorCode === undefined || errorCode === 404)) {
      throw this.error(
        'REGISTRY_ERROR',
        `Schema registry ${base}: ${ctx.what}: HTTP 404 for an API path. Is ${base} the registry's REST API base URL (for Apicurio: .../apis/ccompat/v7)?${serverText}`,
        ctx,
        withCode
      )
    }
    throw this.error(
      'REGISTRY_ERROR',
      `Schema registry ${base}: ${ctx.what} failed: HTTP ${res.status}${errorCode !== undefined ? `, error ${errorCode}` : ''}${serverText}`,
      ctx,
      withCode
    )
  }

  // -------------------------------------------------------------------------------------------
  // answers

  private parseSchema(body: unknown, ctx: CallContext, fixed: { id: number }, defaultType: SchemaType = 'AVRO'): RegistrySchema {
    const o = body as Record<string, unknown> | null
    if (typeof o !== 'object' || o === null || typeof o.schema !== 'string') throw this.badAnswer(ctx, 'a JSON object with the schema text')
    const rawType = o.schemaType
    let schemaType: SchemaType = defaultType
    if (rawType !== undefined && rawType !== null) {
      const t = String(rawType).toUpperCase()
      if (!(SCHEMA_TYPES as readonly string[]).includes(t)) {
        throw this.error(
          'WRONG_SCHEMA_TYPE',
          `Schema registry ${this.urls.join(', ')}: ${ctx.what} is ${an(String(rawType))} schema; only AVRO, PROTOBUF and JSON are supported`,
          ctx,
          { urls: [...this.urls] }
        )
      }
      schemaType = t as SchemaType
    }
    const references = this.parseReferences(o.references, ctx)
    return Object.freeze({ id: fixed.id, schemaType, schema: o.schema, references })
  }

  private parseSubjectVersion(body: unknown, ctx: CallContext, defaultType: SchemaType = 'AVRO'): SubjectVersion {
    const o = body as Record<string, unknown> | null
    if (typeof o !== 'object' || o === null || typeof o.id !== 'number' || typeof o.version !== 'number' || typeof o.subject !== 'string') {
      throw this.badAnswer(ctx, 'a JSON object with subject, version, id and schema')
    }
    const schema = this.parseSchema(o, ctx, { id: o.id }, defaultType)
    return Object.freeze({ subject: o.subject, version: o.version, ...schema })
  }

  private parseReferences(raw: unknown, ctx: CallContext): SchemaReference[] {
    if (raw === undefined || raw === null) return []
    if (!Array.isArray(raw)) throw this.badAnswer(ctx, 'references as a JSON array')
    return raw.map((r: Record<string, unknown>) => {
      if (typeof r?.name !== 'string' || typeof r.subject !== 'string' || typeof r.version !== 'number') {
        throw this.badAnswer(ctx, 'references of {name, subject, version}')
      }
      return Object.freeze({ name: r.name, subject: r.subject, version: r.version })
    })
  }

  private checkType(schema: RegistrySchema, ctx: CallContext, options: SchemaTypeExpectation): void {
    const expected = options.expectedType
    if (expected === undefined) return
    const list: readonly SchemaType[] = typeof expected === 'string' ? [expected] : expected
    if (list.includes(schema.schemaType)) return
    throw this.error(
      'WRONG_SCHEMA_TYPE',
      `Schema registry ${this.urls.join(', ')}: ${ctx.what} is ${an(schema.schemaType)} schema, but ${list.length === 1 ? an(list[0]!) : `one of ${list.join(', ')}`} schema is needed`,
      { ...ctx, schemaId: ctx.schemaId ?? schema.id },
      { urls: [...this.urls] }
    )
  }

  private badAnswer(ctx: CallContext, expected: string): RegistryError {
    return this.error('REGISTRY_ERROR', `Schema registry ${this.urls.join(', ')}: unexpected answer for ${ctx.what}: expected ${expected}`, ctx, {
      urls: [...this.urls]
    })
  }

  private error(code: RegistryErrorCode, message: string, ctx: CallContext, details: RegistryErrorDetails): RegistryError {
    return new RegistryError(code, this.redact(message), {
      ...details,
      ...(ctx.subject !== undefined ? { subject: ctx.subject } : {}),
      ...(ctx.version !== undefined ? { version: ctx.version } : {}),
      ...(ctx.schemaId !== undefined ? { schemaId: ctx.schemaId } : {})
    })
  }

  /** Removes every configured secret from a message (belt and braces: messages are built without them). */
  private redact(text: string): string {
    let out = text
    for (const secret of this.secrets) out = out.split(secret).join('***')
    return out
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`
}

function collectSecrets(settings: RegistrySettings): string[] {
  const secrets: string[] = []
  const add = (s: string | undefined): void => {
    if (s && s.length >= 3) secrets.push(s)
  }
  const auth = settings.auth
  if (auth.kind === 'basic') {
    add(auth.password)
    add(Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64'))
  }
  if (auth.kind === 'bearer') add(auth.token)
  for (const e of settings.endpoints) {
    if (e.credentials) {
      add(e.credentials.password)
      add(encodeURIComponent(e.credentials.password))
    }
  }
  if (typeof settings.tls.passphrase === 'string') add(settings.tls.passphrase)
  return secrets.sort((a, b) => b.length - a.length)
}

function registrationBody(schema: string, schemaType: SchemaType, references: readonly SchemaReference[]): Record<string, unknown> {
  const body: Record<string, unknown> = { schema }
  if (schemaType !== 'AVRO') body.schemaType = schemaType
  if (references.length > 0) body.references = references.map((r) => ({ name: r.name, subject: r.subject, version: r.version }))
  return body
}

function errorBody(res: TransportResponse): { errorCode?: number; message?: string } {
  try {
    const o = JSON.parse(res.body) as Record<string, unknown>
    const out: { errorCode?: number; message?: string } = {}
    if (typeof o?.error_code === 'number') out.errorCode = o.error_code
    if (typeof o?.message === 'string') out.message = o.message
    return out
  } catch {
    const text = res.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
    return text ? { message: text } : {}
  }
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function checkSubject(subject: string): void {
  if (typeof subject !== 'string' || subject === '') throw new RangeError('subject must be a non-empty string')
}

function normalizeVersion(version: number | 'latest'): number | 'latest' {
  if (version === 'latest' || version === -1) return 'latest'
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`version must be a positive integer or 'latest', got ${String(version)}`)
  return version
}
