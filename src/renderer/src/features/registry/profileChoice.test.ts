import { describe, expect, it } from 'vitest'
import { defaultRegistryProfile } from './profileChoice'

const withUrl = (id: string) => ({ id, registry: { url: 'http://r:8081', auth: { kind: 'none' as const } } })
const without = (id: string) => ({ id, registry: { auth: { kind: 'none' as const } } })

describe('defaultRegistryProfile', () => {
  it('keeps the profile last picked when it has a registry', () => {
    expect(defaultRegistryProfile([withUrl('a'), withUrl('b')], 'b')).toBe('b')
  })

  it('otherwise takes the first profile with a registry URL', () => {
    expect(defaultRegistryProfile([without('a'), withUrl('b'), withUrl('c')], 'a')).toBe('b')
    expect(defaultRegistryProfile([without('a'), withUrl('b')], null)).toBe('b')
  })

  it('falls back to the profile last picked, else none', () => {
    expect(defaultRegistryProfile([without('a'), without('b')], 'b')).toBe('b')
    expect(defaultRegistryProfile([without('a')], null)).toBe(null)
    expect(defaultRegistryProfile([], 'gone')).toBe(null)
  })
})
