// The Electron binary cannot run here: safeStorage is replaced by a stand-in that really encrypts (AES under a fixed
// key), so what is tested is what secretKey.ts does with it: one data key per user-data folder, kept wrapped.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../../../test/support/tempDirs'

const wrapKey = randomBytes(32)
vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(plain: string): Buffer {
      const iv = randomBytes(16)
      const cipher = createCipheriv('aes-256-cbc', wrapKey, iv)
      return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()])
    },
    decryptString(data: Buffer): string {
      const decipher = createDecipheriv('aes-256-cbc', wrapKey, data.subarray(0, 16))
      return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8')
    }
  }
}))

const { loadSecretKey } = await import('./secretKey')

describe('loadSecretKey', () => {
  it('creates a 32-byte data key on first start, stored wrapped (never in the clear) and readable only by the user', () => {
    const dir = makeTempDir('tt-key-')
    const { key, description } = loadSecretKey(dir)
    expect(key).toHaveLength(32)
    const stored = readFileSync(join(dir, 'secret-key.bin'))
    expect(stored.includes(Buffer.from(Buffer.from(key).toString('base64')))).toBe(false)
    expect(statSync(join(dir, 'secret-key.bin')).mode & 0o777).toBe(0o600)
    expect(description).toMatch(/operating system/)
  })

  it('gives the same key on the next start', () => {
    const dir = makeTempDir('tt-key-')
    const first = loadSecretKey(dir).key
    expect(Buffer.from(loadSecretKey(dir).key).equals(Buffer.from(first))).toBe(true)
  })

  it('keeps a key file this keychain cannot unlock aside, starts a new key and says so (the app still starts)', () => {
    const dir = makeTempDir('tt-key-')
    writeFileSync(join(dir, 'secret-key.bin'), Buffer.from('garbage that is not wrapped by this keychain'))
    const { key, description } = loadSecretKey(dir)
    expect(key).toHaveLength(32)
    expect(description).toMatch(/could not be unlocked .*secret-key\.bin\.unreadable-\d+ is kept/)
    const aside = readdirSync(dir).find((n) => n.startsWith('secret-key.bin.unreadable-'))!
    expect(readFileSync(join(dir, aside), 'utf8')).toContain('garbage')
    expect(Buffer.from(loadSecretKey(dir).key).equals(Buffer.from(key))).toBe(true)
  })
})
