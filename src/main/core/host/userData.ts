import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileSecretCipher } from '../profiles/secretCipher'
import { KeyedSecretCipher } from '../profiles/keyedSecretCipher'
import { ProfileStore } from '../profiles/profileStore'
import type { ConnectionResolver } from '../profiles/connectionResolver'
import type { EngineWorkerSettings } from './workerProtocol'

export interface UserData {
  /** The folder everything is saved in. */
  readonly dir: string
  readonly profiles: ProfileStore
  readonly connections: ConnectionResolver
}

/** Opens what the engine keeps between runs. Without a folder a fresh temporary one is used (nothing survives). */
export async function openUserData(settings: EngineWorkerSettings): Promise<UserData> {
  const dir = settings.userDataDir ?? (await mkdtemp(join(tmpdir(), 'topic-tables-')))
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const cipher = settings.secretKey
    ? new KeyedSecretCipher(settings.secretKey, settings.secretStorage ?? 'Secrets are encrypted with a key kept by this app.')
    : new FileSecretCipher()
  const profiles = await ProfileStore.open(join(dir, 'profiles'), cipher)
  return { dir, profiles, connections: { kafkaProperties: (id) => profiles.kafkaProperties(id), profileName: (id) => profiles.get(id).name } }
}
