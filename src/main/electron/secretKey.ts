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
  let key: Buffer
  try {
    key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot unlock the saved credentials (${file}): ${(e as Error).message}`)
    key = randomBytes(32)
    mkdirSync(userDataDir, { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 })
    renameSync(temp, file)
  }
  return { key, description: describeStorage() }
}

function describeStorage(): string {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'No system keyring was found: secrets are stored in files only your user can read, and only obfuscated.'
  }
  return 'Secrets are encrypted with your operating system’s credential store.'
}
