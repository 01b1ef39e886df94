import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { KeyedSecretCipher } from './keyedSecretCipher'

describe('KeyedSecretCipher', () => {
  const key = randomBytes(32)

  it('round-trips text and never stores it in the clear', () => {
    const cipher = new KeyedSecretCipher(key, 'test')
    const sealed = cipher.encrypt('hunter2 – ünïcode')
    expect(sealed.includes(Buffer.from('hunter2'))).toBe(false)
    expect(cipher.decrypt(sealed)).toBe('hunter2 – ünïcode')
  })

  it('uses a fresh IV for every secret', () => {
    const cipher = new KeyedSecretCipher(key, 'test')
    expect(cipher.encrypt('same').equals(cipher.encrypt('same'))).toBe(false)
  })

  it('refuses data sealed with another key, or tampered with', () => {
    const sealed = new KeyedSecretCipher(key, 'a').encrypt('secret')
    expect(() => new KeyedSecretCipher(randomBytes(32), 'b').decrypt(sealed)).toThrow(/cannot be decrypted/)
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 1] ^= 1
    expect(() => new KeyedSecretCipher(key, 'a').decrypt(tampered)).toThrow(/cannot be decrypted/)
    expect(() => new KeyedSecretCipher(key, 'a').decrypt(Buffer.from('plain'))).toThrow(/format/)
  })

  it('needs a 32-byte key', () => {
    expect(() => new KeyedSecretCipher(randomBytes(16), 'x')).toThrow(/32-byte/)
  })
})
