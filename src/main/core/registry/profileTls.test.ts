// A profile's registry CA (profiles: registry.caPem) reaches the registry client's TLS settings.
import { afterEach, describe, expect, it } from 'vitest'
import { profileToKafkaProperties, type ProfileSettings } from '../../../shared/model/profiles'
import { createRegistryClient, type RegistryClient } from './client'
import { RegistryError } from './errors'
import { startFakeRegistry, TEST_CA_PEM, type FakeRegistry } from './testSupport'

const opened: { server?: FakeRegistry; client?: RegistryClient } = {}
afterEach(async () => {
  opened.client?.close()
  await opened.server?.close()
})

function settings(url: string, caPem?: string): ProfileSettings {
  return {
    name: 'p',
    bootstrapServers: 'b:9092',
    securityProtocol: 'PLAINTEXT',
    sasl: { mechanism: 'PLAIN', username: '' },
    tls: { verifyHostname: true },
    registry: { url, ...(caPem ? { caPem } : {}), auth: { kind: 'none' } },
    extraProperties: []
  }
}

describe('registry over https with the profile CA', () => {
  it('trusts a registry certificate signed by the profile CA, and refuses it without', async () => {
    opened.server = await startFakeRegistry((req) => (req.path === '/subjects' ? { body: ['a-value'] } : undefined), { tls: true })
    opened.client = createRegistryClient(profileToKafkaProperties(settings(opened.server.url, TEST_CA_PEM), {}))
    expect(await opened.client.listSubjects()).toEqual(['a-value'])
    const untrusting = createRegistryClient(profileToKafkaProperties(settings(opened.server.url), {}))
    try {
      const e = await untrusting.listSubjects().then(
        () => undefined,
        (err: unknown) => err
      )
      expect(e).toBeInstanceOf(RegistryError)
      expect((e as RegistryError).code).toBe('REGISTRY_UNREACHABLE')
    } finally {
      untrusting.close()
    }
  })
})
