// The registry browser's engine side (RegistryService) against the real Apicurio registry, directly and
// through the authenticating proxy. Profiles are a fake ConnectionResolver handing out real properties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError, type AppError } from '../../src/shared/ipc/errors'
import { createRegistryClient, type RegistryClient } from '../../src/main/core/registry'
import { RegistryService } from '../../src/main/core/services/registryService'
import type { ConnectionResolver } from '../../src/main/core/profiles/connectionResolver'
import { hasRegistry, registryAuthUrl, registryProps, uniqueSubject } from '../support/testEnv'

const ORDER_V1 = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'qty', type: 'int' }] }
const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'note', type: ['null', 'string'], default: null }] }
const MONEY_PROTO = 'syntax = "proto3";\npackage common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n'
const PRICE_PROTO = 'syntax = "proto3";\npackage shop;\n\nimport "common/money.proto";\n\nmessage Price {\n  string sku = 1;\n  common.Money amount = 2;\n}\n'

/** Profiles by id: name and Kafka properties (the registry ones are what matters here). */
const PROFILES: Record<string, { name: string; props: () => Record<string, string> }> = {
  direct: { name: 'Direct', props: () => ({ 'bootstrap.servers': 'x:1', ...registryProps() }) },
  basic: { name: 'Via proxy', props: () => ({ 'bootstrap.servers': 'x:1', ...registryProps('basic') }) },
  noAuth: { name: 'Proxy without credentials', props: () => ({ 'bootstrap.servers': 'x:1', 'schema.registry.url': registryAuthUrl() }) },
  none: { name: 'No registry', props: () => ({ 'bootstrap.servers': 'x:1' }) },
  down: { name: 'Down', props: () => ({ 'bootstrap.servers': 'x:1', 'schema.registry.url': 'http://127.0.0.1:1/apis/ccompat/v7', 'schema.registry.request.timeout.ms': '2000' }) }
}

const connections: ConnectionResolver = {
  kafkaProperties(id) {
    const p = PROFILES[id]
    if (!p) throw new Error(`no profile ${id}`)
    return p.props()
  }
}

async function appError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`)
  return e
}

describe.runIf(hasRegistry())('registry browser service against Apicurio', () => {
  const service = new RegistryService(connections, { profileName: (id) => PROFILES[id]!.name })
  let admin: RegistryClient
  const avro = uniqueSubject('browse-avro')
  const money = uniqueSubject('browse-money', '')
  const price = uniqueSubject('browse-price')

  beforeAll(async () => {
    admin = createRegistryClient(registryProps())
    await admin.register(avro, JSON.stringify(ORDER_V1))
    await admin.register(avro, JSON.stringify(ORDER_V2))
    await admin.register(money, MONEY_PROTO, 'PROTOBUF')
    await admin.register(price, PRICE_PROTO, 'PROTOBUF', [{ name: 'common/money.proto', subject: money, version: 1 }])
  })
  afterAll(() => {
    service.close()
    admin?.close()
  })

  it('lists subjects with their schema type and latest version, sorted', async () => {
    const { subjects } = await service.listSubjects({ profileId: 'direct' })
    const mine = subjects.filter((s) => [avro, money, price].includes(s.subject))
    expect(mine.map((s) => [s.subject, s.schemaType, s.latestVersion])).toEqual(
      [
        [avro, 'AVRO', 2],
        [money, 'PROTOBUF', 1],
        [price, 'PROTOBUF', 1]
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    )
    expect(subjects.map((s) => s.subject)).toEqual([...subjects.map((s) => s.subject)].sort((a, b) => a.localeCompare(b)))
  })

  it("lists a subject's versions and reads each one, and latest", async () => {
    expect(await service.listVersions({ profileId: 'direct', subject: avro })).toEqual({ versions: [1, 2] })
    const v1 = await service.getSchema({ profileId: 'direct', subject: avro, version: 1 })
    expect(v1).toMatchObject({ subject: avro, version: 1, schemaType: 'AVRO', references: [] })
    expect(JSON.parse(v1.schema)).toEqual(ORDER_V1)
    const latest = await service.getSchema({ profileId: 'direct', subject: avro, version: 'latest' })
    expect(latest.version).toBe(2)
    expect(JSON.parse(latest.schema)).toEqual(ORDER_V2)
  })

  it('returns the references of a Protobuf schema', async () => {
    const sv = await service.getSchema({ profileId: 'direct', subject: price, version: 1 })
    expect(sv.schemaType).toBe('PROTOBUF')
    expect(sv.schema).toContain('message Price')
    expect(sv.references).toEqual([{ name: 'common/money.proto', subject: money, version: 1 }])
  })

  it("reads the compatibility level: inherited from the global one, then the subject's own", async () => {
    const global = await admin.getCompatibility()
    expect(await service.getCompatibility({ profileId: 'direct', subject: price })).toEqual({ level: global, source: 'global' })
    const own = global === 'FULL' ? 'NONE' : 'FULL'
    await admin.setCompatibility(own, price)
    expect(await service.getCompatibility({ profileId: 'direct', subject: price })).toEqual({ level: own, source: 'subject' })
  })

  it('works through the authenticating proxy with the profile credentials, and says 401 without them', async () => {
    const { subjects } = await service.listSubjects({ profileId: 'basic' })
    expect(subjects.map((s) => s.subject)).toContain(avro)
    const e = await appError(service.listSubjects({ profileId: 'noAuth' }))
    expect(e.code).toBe('UNAUTHORIZED')
    expect(e.message).toMatch(/^Profile 'Proxy without credentials': .*HTTP 401.*requires credentials/)
  })

  it('names the profile, subject and version when a subject or version is missing', async () => {
    const gone = uniqueSubject('browse-missing')
    const e1 = await appError(service.listVersions({ profileId: 'direct', subject: gone }))
    expect(e1.code).toBe('SUBJECT_NOT_FOUND')
    expect(e1.message).toContain("Profile 'Direct'")
    expect(e1.message).toContain(`subject '${gone}' not found`)
    const e2 = await appError(service.getSchema({ profileId: 'direct', subject: avro, version: 7 }))
    expect(e2.code).toBe('VERSION_NOT_FOUND')
    expect(e2.message).toContain(`version 7 of subject '${avro}' not found`)
  })

  it('says so when the profile has no registry URL or the registry is unreachable', async () => {
    const e1 = await appError(service.listSubjects({ profileId: 'none' }))
    expect(e1.code).toBe('REGISTRY_NOT_CONFIGURED')
    expect(e1.message).toContain("Profile 'No registry' has no schema registry URL")
    const e2 = await appError(service.getSchema({ profileId: 'down', subject: avro, version: 1 }))
    expect(e2.code).toBe('REGISTRY_UNREACHABLE')
    expect(e2.message).toMatch(/^Profile 'Down': Schema registry unreachable .*127\.0\.0\.1:1/)
  })

  it('lists a few hundred subjects quickly (bounded concurrency)', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `${uniqueSubject('browse-bulk', '')}-${i}-value`)
    const schema = JSON.stringify({ type: 'record', name: 'Bulk', fields: [{ name: 'n', type: 'int' }] })
    try {
      for (let i = 0; i < many.length; i += 20) await Promise.all(many.slice(i, i + 20).map((s) => admin.register(s, schema)))
      const started = Date.now()
      const { subjects } = await service.listSubjects({ profileId: 'direct' })
      const elapsed = Date.now() - started
      expect(subjects.filter((s) => many.includes(s.subject))).toHaveLength(200)
      expect(elapsed).toBeLessThan(5_000)
    } finally {
      await deleteSubjects(many)
    }
  }, 60_000)
})

/** Soft then hard delete, so the shared registry does not keep the bulk subjects. */
async function deleteSubjects(subjects: string[]): Promise<void> {
  const base = registryProps()['schema.registry.url']
  for (let i = 0; i < subjects.length; i += 20) {
    await Promise.all(
      subjects.slice(i, i + 20).map(async (s) => {
        await fetch(`${base}/subjects/${encodeURIComponent(s)}`, { method: 'DELETE' })
        await fetch(`${base}/subjects/${encodeURIComponent(s)}?permanent=true`, { method: 'DELETE' })
      })
    )
  }
}
