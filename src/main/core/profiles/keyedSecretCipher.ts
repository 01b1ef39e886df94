import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretCipher } from './secretCipher'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * AES-256-GCM under a data key the host hands to the engine (in Electron the key itself is kept encrypted by
 * safeStorage, so the worker thread never needs Electron). Layout: version byte, IV, tag, ciphertext.
 */
export class KeyedSecretCipher implements SecretCipher {
  readonly secretsFile = 'profileSecrets.sealed'
  private readonly key: Buffer

  constructor(
    key: Uint8Array,
    readonly description: string
  ) {
    if (key.length !== 32) throw new Error(`KeyedSecretCipher needs a 32-byte key, got ${key.length} bytes`)
    this.key = Buffer.from(key)
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body])
  }

  decrypt(data: Buffer): string {
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw new Error('The secrets file is not in a format this version can read')
    const iv = data.subarray(1, 1 + IV_BYTES)
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv)
    decipher.setAuthTag(tag)
    try {
      return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    } catch {
      throw new Error('The secrets file cannot be decrypted with this installation’s key (was it copied from another machine or user?)')
    }
  }
}
