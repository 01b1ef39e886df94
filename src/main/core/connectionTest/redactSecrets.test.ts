import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redactSecrets'

describe('redactSecrets', () => {
  it('hides every secret value and every line of a PEM key', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----'
    const text = redactSecrets('failed with hunter22 and MIIEvQIBADANBgkq', { saslPassword: 'hunter22', tlsClientKeyPem: key })
    expect(text).toBe('failed with ••• and •••')
  })
})
