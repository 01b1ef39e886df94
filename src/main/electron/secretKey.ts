import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'

const KEY_FILE = 'secret-key.bin'

/**
 * The data key the engine encrypts profile secrets with, kept in the user-data folder wrapped by Electron's
 * safeStorage (Keychain, DPAPI, or the desktop's secret service). Only usable after the app's `ready` event.
 */
export function loadSecretKey(userDataDir: string): { key: Uint8Array; description: string } {
  const file = join(userDataDir, KEY_FILE)
  let stored: Buffer | null = null
  try {
    stored = readFileSync(file)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  if (stored !== null) {
    try {
      const key = Buffer.from(safeStorage.decryptString(stored), 'base64')
      if (key.length === 32) return { key, description: describeStorage() }
    } catch {
      // unreadable by this keychain (another user or machine, a reset keyring): fall through to a new key
    }
    const aside = `${file}.unreadable-${Date.now()}`
    renameSync(file, aside)
    return { key: createKey(userDataDir, file), description: `${describeStorage()} The saved credentials could not be unlocked (${aside} is kept): enter them again.` }
  }
  return { key: createKey(userDataDir, file), description: describeStorage() }
}

function createKey(userDataDir: string, file: string): Buffer {
  const key = randomBytes(32)
  mkdirSync(userDataDir, { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 })
  renameSync(temp, file)
  return key
}

function describeStorage(): string {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'No system keyring was found: secrets are stored in files only your user can read, and only obfuscated.'
  }
  return 'Secrets are encrypted with your operating system’s credential store.'
}
