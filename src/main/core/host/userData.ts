import { constants } from 'node:fs'
import { access, mkdir, mkdtemp } from 'node:fs/promises'
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
  /** A temporary folder made for this run: whoever runs the engine deletes it when the engine stops. */
  readonly temporary: boolean
  readonly profiles: ProfileStore
  readonly connections: ConnectionResolver
}

/** Opens what the engine keeps between runs. Without a folder a fresh temporary one is used (nothing survives). */
export async function openUserData(settings: EngineWorkerSettings): Promise<UserData> {
  const warnings: string[] = []
  let temporary = settings.userDataDir === undefined
  let dir = settings.userDataDir ?? (await mkdtemp(join(tmpdir(), 'topic-tables-')))
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await access(dir, constants.W_OK)
  } catch (e) {
    // the app still starts: what is saved this run is kept in a temporary folder, and the user is told
    const fallback = await mkdtemp(join(tmpdir(), 'topic-tables-'))
    warnings.push(`The user-data folder ${dir} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); profiles, presets and the workspace are kept in ${fallback} for this run only.`)
    dir = fallback
    temporary = true
  }
  const cipher = settings.secretKey
    ? new KeyedSecretCipher(settings.secretKey, settings.secretStorage ?? 'Secrets are encrypted with a key kept by this app.')
    : new FileSecretCipher()
  const profiles = await ProfileStore.open(join(dir, 'profiles'), cipher, { warnings })
  return { dir, temporary, profiles, connections: { kafkaProperties: (id) => profiles.kafkaProperties(id), profileName: (id) => profiles.get(id).name } }
}
