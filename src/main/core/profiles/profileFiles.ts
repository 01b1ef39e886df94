import { join } from 'node:path'
import { z } from 'zod'
import { ProfileSecretsSchema, StoredProfileSchema, type ProfileSecrets, type StoredProfile } from '../../../shared/model/profiles'
import { removeTempFiles, writeFileAtomic } from './atomicWrite'
import type { FsLayer } from './fsLayer'
import type { SecretCipher } from './secretCipher'

export const PROFILES_FILE = 'profiles.json'
export const SECRETS_FILE = 'profileSecrets.bin'

/** What the store keeps: settings in plain JSON, secrets (by profile id) in their own 0600 file. */
export interface ProfileState {
  readonly profiles: readonly StoredProfile[]
  readonly secrets: Readonly<Record<string, ProfileSecrets>>
}

export interface LoadResult {
  state: ProfileState
  /** Problems found while loading, safe to show (they never quote file contents). */
  warnings: string[]
}

const ProfilesFileSchema = z.object({ version: z.literal(1), profiles: z.array(z.unknown()) })
const SecretsFileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), ProfileSecretsSchema) })

export async function loadProfiles(fs: FsLayer, dir: string, cipher: SecretCipher): Promise<LoadResult> {
  await fs.mkdir(dir)
  const warnings: string[] = []
  const leftovers = await removeTempFiles(fs, dir)
  if (leftovers.length > 0) warnings.push(`Removed ${leftovers.length} unfinished save(s) left by an earlier crash; the saved profiles are intact.`)

  const profiles: StoredProfile[] = []
  const profilesBytes = await fs.readFile(join(dir, PROFILES_FILE))
  if (profilesBytes !== undefined) {
    const file = ProfilesFileSchema.safeParse(parseJson(profilesBytes.toString('utf8')))
    if (file.success) {
      file.data.profiles.forEach((entry, i) => {
        const profile = StoredProfileSchema.safeParse(entry)
        if (profile.success) profiles.push(profile.data)
        else warnings.push(`Profile ${i + 1} in ${PROFILES_FILE} is not valid and was skipped.`)
      })
    } else {
      // the app must start anyway: the file is kept aside for the user (or support) to look at
      const aside = `${PROFILES_FILE}.unreadable-${Date.now()}`
      await fs.rename(join(dir, PROFILES_FILE), join(dir, aside))
      warnings.push(`${PROFILES_FILE} is not a profiles file this version can read; it was kept as ${aside} and you start with no profiles.`)
    }
  }

  let secrets: Record<string, ProfileSecrets> = {}
  const secretBytes = await fs.readFile(join(dir, cipher.secretsFile ?? SECRETS_FILE))
  if (secretBytes !== undefined) {
    try {
      secrets = SecretsFileSchema.parse(parseJson(cipher.decrypt(secretBytes))).secrets
    } catch {
      warnings.push('The saved credentials could not be read (the key that encrypted them may be gone); enter them again.')
    }
  }
  const ids = new Set(profiles.map((p) => p.id))
  for (const id of Object.keys(secrets)) if (!ids.has(id)) delete secrets[id]
  return { state: { profiles, secrets }, warnings }
}

/**
 * Saves the state: secrets first, then profiles, each atomically. A crash between the two leaves the old
 * profiles with (at worst) newer or orphaned secrets, which loading ignores.
 */
export async function saveProfiles(fs: FsLayer, dir: string, cipher: SecretCipher, state: ProfileState, secretsChanged: boolean): Promise<void> {
  if (secretsChanged) {
    const data = cipher.encrypt(JSON.stringify({ version: 1, secrets: state.secrets }))
    await writeFileAtomic(fs, dir, cipher.secretsFile ?? SECRETS_FILE, data, 0o600)
  }
  const json = JSON.stringify({ version: 1, profiles: state.profiles }, null, 2) + '\n'
  await writeFileAtomic(fs, dir, PROFILES_FILE, Buffer.from(json, 'utf8'), 0o644)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
