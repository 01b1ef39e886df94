import { afterEach, describe, expect, it } from 'vitest'
import { createRegistryClient, type RegistryClient } from './client'
import { RegistryError } from './errors'
import { closedPort, startFakeRegistry, TEST_CA_PEM, type FakeRegistry, type FakeReply, type RecordedRequest } from './testSupport'

const open: { servers: FakeRegistry[]; clients: RegistryClient[] } = { servers: [], clients: [] }

afterEach(async () => {
  for (const c of open.clients.splice(0)) c.close()
  await Promise.all(open.servers.splice(0).map((s) => s.close()))
})

async function fake(handler: (req: RecordedRequest) => FakeReply | undefined, opts: { tls?: boolean } = {}): Promise<FakeRegistry> {
  const s = await startFakeRegistry(handler, opts)
  open.servers.push(s)
  return s
}

function client(props: Record<string, string>, options: Parameters<typeof createRegistryClient>[1] = {}): RegistryClient {
  const c = createRegistryClient(props, options)
  open.clients.push(c)
  return c
}

async function registryError(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError)
    return e as RegistryError
  }
  throw new Error('expected a RegistryError')
}

const AVRO = '{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}'

/** A small Confluent-style registry: ids 1 (AVRO, no schemaType), 2 (PROTOBUF with a reference), 3 (JSON). */
function standardRegistry(req: RecordedRequest): FakeReply | undefined {
  const byId: Record<string, unknown> = {
    '/schemas/ids/1': { schema: AVRO },
    '/schemas/ids/2': {
      schema: 'syntax = "proto3"; import "common.proto"; message O { common.M m = 1; }',
      schemaType: 'PROTOBUF',
      references: [{ name: 'common.proto', subject: 'common', version: 1 }]
    },
    '/schemas/ids/3': { schema: '{"type":"object"}', schemaType: 'JSON' },
    '/schemas/ids/9': { schema: '<xsd/>', schemaType: 'XML' }
  }
  if (req.method === 'GET' && byId[req.path]) return { body: byId[req.path] }
  if (req.path.startsWith('/schemas/ids/')) return { status: 404, body: { error_code: 40403, message: 'Schema not found' } }
  return undefined
}

describe('createRegistryClient: reads', () => {
  it('gets a schema by id: schemaType absent means AVRO, references default to []', async () => {
    const r = await fake(standardRegistry)
    const c = client({ 'schema.registry.url': r.url })
    expect(await c.getSchemaById(1)).toEqual({ id: 1, schemaType: 'AVRO', schema: AVRO, references: [] })
    expect(await c.getSchemaById(2)).toMatchObject({ id: 2, schemaType: 'PROTOBUF', references: [{ name: 'common.proto', subject: 'common', version: 1 }] })
    expect((await c.getSchemaById(3)).schemaType).toBe('JSON')
    expect(r.requests[0]!.headers.accept).toMatch(/application\/vnd\.schemaregistry\.v1\+json/)
    expect(c.urls).toEqual([r.url])
  })

  it('caches schemas by id forever and shares one request among concurrent lookups of the same id', async () => {
    const r = await fake((req) => ({ ...standardRegistry(req), delayMs: 50 }))
    const c = client({ 'schema.registry.url': r.url })
    const results = await Promise.all(Array.from({ length: 25 }, () => c.getSchemaById(1)))
    expect(new Set(results).size).toBe(1)
    expect(r.requests).toHaveLength(1)
    await c.getSchemaById(1)
    expect(r.requests).toHaveLength(1)
    c.clearCache()
    await c.getSchemaById(1)
    expect(r.requests).toHaveLength(2)
  })

  it('does not cache failures', async () => {
    let fail = true
    const r = await fake((req) => (fail ? { status: 500, body: { error_code: 50001, message: 'boom' } } : standardRegistry(req)))
    const c = client({ 'schema.registry.url': r.url })
    expect((await registryError(c.getSchemaById(1))).code).toBe('REGISTRY_ERROR')
    fail = false
    expect((await c.getSchemaById(1)).id).toBe(1)
  })

  it('caches subject/version lookups for the TTL only, and seeds the id cache', async () => {
    let version = 1
    const r = await fake((req) => {
      if (req.path === '/subjects/s-value/versions/latest') return { body: { subject: 's-value', version, id: 10 + version, schema: AVRO } }
      if (req.path === '/subjects/s-value/versions') return { body: [1, 2] }
      return undefined
    })
    let now = 1_000_000
    const c = client({ 'schema.registry.url': r.url }, { subjectCacheTtlMs: 5000, now: () => now })
    expect(await c.getSubjectVersion('s-value', 'latest')).toEqual({ subject: 's-value', version: 1, id: 11, schemaType: 'AVRO', schema: AVRO, references: [] })
    version = 2
    now += 4000
    expect((await c.getSubjectVersion('s-value')).version).toBe(1)
    now += 2000
    expect((await c.getSubjectVersion('s-value', -1 as never)).version).toBe(2)
    expect(r.requests).toHaveLength(2)
    expect(await c.getSchemaById(12)).toMatchObject({ id: 12, schema: AVRO })
    expect(r.requests).toHaveLength(2)
    expect(await c.listVersions('s-value')).toEqual([1, 2])
  })

  it('URL-encodes subjects', async () => {
    const r = await fake((req) => (req.path === '/subjects/a%2Fb%20c/versions/3' ? { body: { subject: 'a/b c', version: 3, id: 1, schema: '"int"' } } : undefined))
    const c = client({ 'schema.registry.url': r.url })
    expect((await c.getSubjectVersion('a/b c', 3)).version).toBe(3)
  })

  it('checks the expected schema type (WRONG_SCHEMA_TYPE) and refuses unsupported types', async () => {
    const r = await fake(standardRegistry)
    const c = client({ 'schema.registry.url': r.url })
    const e = await registryError(c.getSchemaById(2, { expectedType: 'AVRO' }))
    expect(e.code).toBe('WRONG_SCHEMA_TYPE')
    expect(e.message).toContain('schema id 2 is a PROTOBUF schema, but an AVRO schema is needed')
    expect(e.message).toContain(r.url)
    expect((await c.getSchemaById(2, { expectedType: ['AVRO', 'PROTOBUF'] })).id).toBe(2)
    const xml = await registryError(c.getSchemaById(9))
    expect(xml.code).toBe('WRONG_SCHEMA_TYPE')
    expect(xml.message).toMatch(/an XML schema; only AVRO, PROTOBUF and JSON are supported/)
  })

  it('resolves references recursively, dependencies first, each once', async () => {
    // top refs [b, c]; b refs [c, d]; d refs [c]
    const versions: Record<string, unknown> = {
      '/subjects/b/versions/1': { subject: 'b', version: 1, id: 21, schema: 'B', schemaType: 'PROTOBUF', references: [{ name: 'c.proto', subject: 'c', version: 2 }, { name: 'd.proto', subject: 'd', version: 1 }] },
      '/subjects/c/versions/2': { subject: 'c', version: 2, id: 22, schema: 'C', schemaType: 'PROTOBUF' },
      '/subjects/d/versions/1': { subject: 'd', version: 1, id: 23, schema: 'D', schemaType: 'PROTOBUF', references: [{ name: 'c.proto', subject: 'c', version: 2 }] }
    }
    const r = await fake((req) => (versions[req.path] ? { body: versions[req.path], delayMs: 5 } : undefined))
    const c = client({ 'schema.registry.url': r.url })
    const refs = await c.getReferencedSchemas([
      { name: 'b.proto', subject: 'b', version: 1 },
      { name: 'c.proto', subject: 'c', version: 2 }
    ])
    expect(refs.map((x) => `${x.name}=${x.subject}/${x.version}#${x.id}`)).toEqual(['c.proto=c/2#22', 'd.proto=d/1#23', 'b.proto=b/1#21'])
    expect(r.requests).toHaveLength(3)
    expect(await c.getReferencedSchemas([])).toEqual([])
  })

  it('detects reference cycles', async () => {
    const r = await fake((req) => {
      if (req.path === '/subjects/x/versions/1') return { body: { subject: 'x', version: 1, id: 1, schema: 'X', references: [{ name: 'y', subject: 'y', version: 1 }] } }
      if (req.path === '/subjects/y/versions/1') return { body: { subject: 'y', version: 1, id: 2, schema: 'Y', references: [{ name: 'x', subject: 'x', version: 1 }] } }
      return undefined
    })
    const c = client({ 'schema.registry.url': r.url })
    const e = await registryError(c.getReferencedSchemas([{ name: 'x', subject: 'x', version: 1 }]))
    expect(e.code).toBe('REGISTRY_ERROR')
    expect(e.message).toMatch(/cycle: x v1 -> y v1 -> x v1/)
  })

  it('reads the compatibility level of a subject (defaultToGlobal) and the global one', async () => {
    const r = await fake((req) => {
      if (req.path === '/config') return { body: { compatibilityLevel: 'BACKWARD' } }
      if (req.path === '/config/s?defaultToGlobal=true') return { body: { compatibilityLevel: 'FULL_TRANSITIVE' } }
      if (req.method === 'PUT' && req.path === '/config/s') return { body: { compatibility: JSON.parse(req.body).compatibility } }
      return undefined
    })
    const c = client({ 'schema.registry.url': r.url })
    expect(await c.getCompatibility()).toBe('BACKWARD')
    expect(await c.getCompatibility('s')).toBe('FULL_TRANSITIVE')
    expect(await c.setCompatibility('NONE', 's')).toBe('NONE')
  })

  it("tells a subject's own compatibility level from the inherited global one", async () => {
    const r = await fake((req) => {
      if (req.path === '/config') return { body: { compatibilityLevel: 'BACKWARD' } }
      if (req.path === '/config/own') return { body: { compatibilityLevel: 'FULL' } }
      if (req.path === '/config/echo') return { body: { compatibilityLevel: 'BACKWARD' } }
      if (req.path === '/config/unset') return { status: 404, body: { error_code: 40408, message: 'no subject-level config' } }
      if (req.path === '/config/gone') return { status: 404, body: { error_code: 40401, message: 'Subject not found' } }
      return undefined
    })
    const c = client({ 'schema.registry.url': r.url })
    expect(await c.getCompatibilitySetting('own')).toEqual({ level: 'FULL', source: 'subject' })
    expect(await c.getCompatibilitySetting('echo')).toEqual({ level: 'BACKWARD', source: 'global' })
    expect(await c.getCompatibilitySetting('unset')).toEqual({ level: 'BACKWARD', source: 'global' })
    expect((await registryError(c.getCompatibilitySetting('gone'))).code).toBe('SUBJECT_NOT_FOUND')
  })

  it('lists subjects', async () => {
    const r = await fake((req) => (req.path === '/subjects' ? { body: ['a', 'b'] } : undefined))
    expect(await client({ 'schema.registry.url': r.url }).listSubjects()).toEqual(['a', 'b'])
  })
})

describe('createRegistryClient: register', () => {
  it('posts the schema (schemaType only for non-AVRO, references when given) and returns the id', async () => {
    const r = await fake((req) => (req.method === 'POST' ? { body: { id: 7 } } : { body: { subject: 's', version: 1, id: 7, schema: 'x' } }))
    const c = client({ 'schema.registry.url': r.url })
    await c.getSubjectVersion('s')
    expect(await c.register('s', AVRO)).toBe(7)
    expect(r.requests[1]).toMatchObject({ method: 'POST', path: '/subjects/s/versions' })
    expect(JSON.parse(r.requests[1]!.body)).toEqual({ schema: AVRO })
    expect(r.requests[1]!.headers['content-type']).toBe('application/vnd.schemaregistry.v1+json')
    await c.register('s', 'syntax = "proto3";', 'PROTOBUF', [{ name: 'a.proto', subject: 'a', version: 1 }])
    expect(JSON.parse(r.requests[2]!.body)).toEqual({
      schema: 'syntax = "proto3";',
      schemaType: 'PROTOBUF',
      references: [{ name: 'a.proto', subject: 'a', version: 1 }]
    })
    // registering invalidates the subject's cached lookups
    await c.getSubjectVersion('s')
    expect(r.requests).toHaveLength(4)
  })

  it('reports an incompatible schema as REGISTRY_ERROR with the server message', async () => {
    const r = await fake(() => ({ status: 409, body: { error_code: 409, message: 'Schema being registered is incompatible with an earlier schema' } }))
    const e = await registryError(client({ 'schema.registry.url': r.url }).register('orders-value', AVRO))
    expect(e).toMatchObject({ code: 'REGISTRY_ERROR', status: 409, errorCode: 409, subject: 'orders-value' })
    expect(e.message).toContain(`Schema registry ${r.url}: registering an AVRO schema under subject 'orders-value' failed: HTTP 409, error 409: Schema being registered is incompatible`)
  })

  it('looks a schema up in a subject, defaulting schemaType to the type asked about', async () => {
    const r = await fake(() => ({ body: { subject: 's', version: 2, id: 5, schema: 'syntax = "proto3";' } }))
    const sv = await client({ 'schema.registry.url': r.url }).lookupSchema('s', 'syntax = "proto3";', 'PROTOBUF')
    expect(sv).toMatchObject({ subject: 's', version: 2, id: 5, schemaType: 'PROTOBUF' })
  })
})

describe('createRegistryClient: errors', () => {
  it('maps 40401 / 40402 / 40403 and names the URL, subject, version and id', async () => {
    const r = await fake((req) => {
      if (req.path.startsWith('/subjects/missing/')) return { status: 404, body: { error_code: 40401, message: "Subject 'missing' not found." } }
      if (req.path.startsWith('/subjects/s/versions/')) return { status: 404, body: { error_code: 40402, message: 'Version 7 not found.' } }
      return { status: 404, body: { error_code: 40403, message: 'Schema 99 not found' } }
    })
    const c = client({ 'schema.registry.url': r.url })
    const subject = await registryError(c.getSubjectVersion('missing', 'latest'))
    expect(subject).toMatchObject({ code: 'SUBJECT_NOT_FOUND', subject: 'missing', version: 'latest', status: 404, errorCode: 40401, urls: [r.url] })
    expect(subject.message).toBe(`Schema registry ${r.url}: subject 'missing' not found (error 40401, while fetching subject 'missing' version latest)`)
    const version = await registryError(c.getSubjectVersion('s', 7))
    expect(version).toMatchObject({ code: 'VERSION_NOT_FOUND', subject: 's', version: 7 })
    expect(version.message).toBe(`Schema registry ${r.url}: version 7 of subject 's' not found (error 40402)`)
    const schema = await registryError(c.getSchemaById(99))
    expect(schema).toMatchObject({ code: 'SCHEMA_NOT_FOUND', schemaId: 99 })
    expect(schema.message).toBe(`Schema registry ${r.url}: schema id 99 not found (error 40403)`)
  })

  it('maps 401/403 to UNAUTHORIZED and never shows the password or token', async () => {
    const r = await fake((req) => ({
      status: req.path === '/schemas/ids/2' ? 403 : 401,
      // a hostile server echoing the credentials back
      body: { error_code: 401, message: `bad credentials ${req.headers.authorization}` }
    }))
    const withoutAuth = await registryError(client({ 'schema.registry.url': r.url }).getSchemaById(1))
    expect(withoutAuth.code).toBe('UNAUTHORIZED')
    expect(withoutAuth.message).toMatch(/requires credentials; set basic.auth.credentials.source=USER_INFO/)

    const basic = client({ 'schema.registry.url': r.url, 'basic.auth.user.info': 'alice:very-secret-pw' })
    const e = await registryError(basic.getSchemaById(1))
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', status: 401, schemaId: 1 })
    expect(e.message).toContain(r.url)
    expect(e.message).toMatch(/credentials were rejected; check basic.auth.user.info/)
    expect(e.message).not.toContain('very-secret-pw')
    expect(e.message).not.toContain(Buffer.from('alice:very-secret-pw').toString('base64'))
    expect(r.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('alice:very-secret-pw').toString('base64')}`)
    expect((await registryError(basic.getSchemaById(2))).message).toMatch(/HTTP 403 \(the credentials are valid but not allowed/)

    const bearer = client({ 'schema.registry.url': r.url, 'bearer.auth.credentials.source': 'STATIC_TOKEN', 'bearer.auth.token': 'tok-123456', 'bearer.auth.logical.cluster': 'lsrc-x' })
    const b = await registryError(bearer.getSchemaById(1))
    expect(b.message).toMatch(/check bearer.auth.token/)
    expect(b.message).not.toContain('tok-123456')
    expect(r.requests.at(-1)!.headers.authorization).toBe('Bearer tok-123456')
    expect(r.requests.at(-1)!.headers['target-sr-cluster']).toBe('lsrc-x')

    const inUrl = client({ 'schema.registry.url': r.url.replace('http://', 'http://bob:url-secret-pw@') })
    const u = await registryError(inUrl.getSchemaById(1))
    expect(u.message).not.toContain('url-secret-pw')
    expect(u.urls).toEqual([r.url])
    expect(r.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('bob:url-secret-pw').toString('base64')}`)
  })

  it('maps a 500 to REGISTRY_ERROR, and a bare 404 / non-JSON answer to a hint about the base URL', async () => {
    const r = await fake((req) => {
      if (req.path === '/schemas/ids/1') return { status: 500, body: { error_code: 50001, message: 'Error in the backend data store' } }
      if (req.path === '/schemas/ids/2') return { status: 200, text: '<html>Apicurio UI</html>', contentType: 'text/html' }
      return { status: 404, text: '<html><body>Not Found</body></html>', contentType: 'text/html' }
    })
    const c = client({ 'schema.registry.url': r.url })
    const e500 = await registryError(c.getSchemaById(1))
    expect(e500).toMatchObject({ code: 'REGISTRY_ERROR', status: 500, errorCode: 50001 })
    expect(e500.message).toBe(`Schema registry ${r.url}: schema id 1 failed: HTTP 500, error 50001: Error in the backend data store`)
    const html = await registryError(c.getSchemaById(2))
    expect(html.message).toMatch(/not JSON \(text\/html\)\. Is .* the registry's REST API base URL/)
    const e404 = await registryError(c.getSchemaById(3))
    expect(e404.code).toBe('REGISTRY_ERROR')
    expect(e404.message).toMatch(/HTTP 404 for an API path\. Is .* base URL \(for Apicurio: \.\.\.\/apis\/ccompat\/v7\)\?: Not Found/)
  })

  it('fails with REGISTRY_UNREACHABLE on a closed port, quickly, naming the URL', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}`
    const started = Date.now()
    const e = await registryError(client({ 'schema.registry.url': url }).getSchemaById(5))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(e).toMatchObject({ code: 'REGISTRY_UNREACHABLE', urls: [url], schemaId: 5 })
    expect(e.message).toBe(`Schema registry unreachable for schema id 5: tried ${url} (connection refused (ECONNREFUSED): nothing listens there)`)
  })

  it('times out after schema.registry.request.timeout.ms', async () => {
    const r = await fake(() => ({ hang: true }))
    const started = Date.now()
    const e = await registryError(client({ 'schema.registry.url': r.url, 'schema.registry.request.timeout.ms': '300' }).getSubjectVersion('s', 1))
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(280)
    expect(took).toBeLessThan(2000)
    expect(e.code).toBe('REGISTRY_UNREACHABLE')
    expect(e.message).toBe(`Schema registry unreachable for subject 's' version 1: tried ${r.url} (no answer within 300 ms (schema.registry.request.timeout.ms))`)
  })

  it('tries the URLs in order, skips unreachable ones and 503s, and sticks to the one that answered', async () => {
    const port = await closedPort()
    const down = `http://127.0.0.1:${port}`
    const busy = await fake(() => ({ status: 503, body: { error_code: 50301, message: 'maintenance' } }))
    const good = await fake(standardRegistry)
    const c = client({ 'schema.registry.url': `${down},${busy.url},${good.url}` })
    expect((await c.getSchemaById(1)).id).toBe(1)
    expect(busy.requests).toHaveLength(1)
    expect(good.requests).toHaveLength(1)
    await c.getSchemaById(3)
    expect(busy.requests).toHaveLength(1)
    expect(good.requests).toHaveLength(2)

    await good.close()
    open.servers.splice(open.servers.indexOf(good), 1)
    const e = await registryError(c.getSchemaById(2))
    expect(e.code).toBe('REGISTRY_UNREACHABLE')
    expect(e.urls).toEqual([good.url, down, busy.url])
    expect(e.message).toContain(`${down} (connection refused`)
    expect(e.message).toContain(`${busy.url} (HTTP 503: maintenance)`)
  })

  it('fails calls after close()', async () => {
    const r = await fake(standardRegistry)
    const c = client({ 'schema.registry.url': r.url })
    c.close()
    expect((await registryError(c.getSchemaById(1))).code).toBe('REGISTRY_UNREACHABLE')
  })
})

describe('createRegistryClient: TLS', () => {
  it('trusts a custom CA from schema.registry.ssl.truststore.*, and explains an untrusted certificate', async () => {
    const r = await fake(standardRegistry, { tls: true })
    const untrusted = await registryError(client({ 'schema.registry.url': r.url }).getSchemaById(1))
    expect(untrusted.code).toBe('REGISTRY_UNREACHABLE')
    expect(untrusted.message).toMatch(/TLS: the registry certificate is not signed by a trusted CA \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\); set schema.registry.ssl.truststore.type=PEM/)
    const trusted = client({
      'schema.registry.url': r.url,
      'schema.registry.ssl.truststore.type': 'PEM',
      'schema.registry.ssl.truststore.certificates': TEST_CA_PEM
    })
    expect((await trusted.getSchemaById(1)).schema).toBe(AVRO)
    const byName = client({
      'schema.registry.url': r.url.replace('127.0.0.1', 'localhost'),
      'schema.registry.ssl.truststore.type': 'PEM',
      'schema.registry.ssl.truststore.certificates': TEST_CA_PEM
    })
    expect((await byName.getSchemaById(3)).schemaType).toBe('JSON')
  })
})
