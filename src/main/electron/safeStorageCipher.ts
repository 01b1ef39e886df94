import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/profiles/secretCipher'

/**
 * Encrypts profile secrets with Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the
 * desktop's secret service on Linux). Only usable after the app's `ready` event.
 */
export class SafeStorageCipher implements SecretCipher {
  get description(): string {
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'Secrets are stored in a file only your user can read; no system keyring was found, so they are only obfuscated.'
    }
    return 'Secrets are encrypted with your operating system’s credential store.'
  }

  encrypt(plain: string): Buffer {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Encryption is not available on this system.')
    return safeStorage.encryptString(plain)
  }

  decrypt(data: Buffer): string {
    return safeStorage.decryptString(data)
  }
}
