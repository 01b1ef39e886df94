import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/ipc/errors'
import {
  profileToKafkaProperties,
  toProfileDto,
  withSecrets,
  type ConnectionProfile,
  type ImportReport,
  type ProfileDto,
  type ProfileSecrets,
  type ProfileSettings,
  type SaveProfileArgs,
  type StoredProfile
} from '../../../shared/model/profiles'
import { nodeFs, type FsLayer } from './fsLayer'
import { loadProfiles, saveProfiles, type ProfileState } from './profileFiles'
import { exportProfilesJson, parseProfilesImport } from './profileTransfer'
import type { SecretCipher } from './secretCipher'
import { applySecretChanges, settingsOf } from './secretChanges'

export const PROFILE_NOT_FOUND = 'PROFILE_NOT_FOUND'

export interface ProfileStoreOptions {
  fs?: FsLayer
  now?: () => Date
  newId?: () => string
  /** Problems the host found before opening the store (shown with the store's own warnings). */
  warnings?: readonly string[]
}

/**
 * Connection profiles in a folder (the app's user-data folder). Every change is saved atomically before
 * it is visible, and changes run one at a time, so concurrent saves never lose each other's work.
 */
export class ProfileStore {
  private state: ProfileState
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly dir: string,
    private readonly cipher: SecretCipher,
    private readonly fs: FsLayer,
    private readonly now: () => Date,
    private readonly newId: () => string,
    state: ProfileState,
    /** Problems found while loading (skipped entries, unreadable credentials, crash leftovers). */
    readonly warnings: readonly string[]
  ) {
    this.state = state
  }

  static async open(dir: string, cipher: SecretCipher, options: ProfileStoreOptions = {}): Promise<ProfileStore> {
    const fs = options.fs ?? nodeFs
    const { state, warnings } = await loadProfiles(fs, dir, cipher)
    return new ProfileStore(dir, cipher, fs, options.now ?? (() => new Date()), options.newId ?? randomUUID, state, [...(options.warnings ?? []), ...warnings])
  }

  /** How secrets are kept, for the UI ("encrypted with the OS keychain", "in a file only your user can read"). */
  get secretStorage(): string {
    return this.cipher.description
  }

  list(): ProfileDto[] {
    return this.state.profiles.map((p) => toProfileDto(p, this.secretsOf(p.id)))
  }

  get(id: string): ProfileDto {
    return toProfileDto(this.find(id), this.secretsOf(id))
  }

  /** The whole profile with its secrets: for connecting only, never for sending to a client. */
  getWithSecrets(id: string): ConnectionProfile {
    return withSecrets(this.find(id), this.secretsOf(id))
  }

  /** The Java-style Kafka properties to connect with this profile. */
  kafkaProperties(id: string): Record<string, string> {
    return profileToKafkaProperties(this.find(id), this.secretsOf(id))
  }

  /**
   * The settings and secrets a save would produce, without saving: secrets left out come from the stored
   * profile `args.id` (for testing a connection with unsaved edits).
   */
  resolve(args: SaveProfileArgs): { settings: ProfileSettings; secrets: ProfileSecrets } {
    const current = args.id === undefined ? {} : this.secretsOf(this.find(args.id).id)
    return { settings: settingsOf(args), secrets: applySecretChanges(current, args) }
  }

  /** Creates a profile when `args.id` is absent, otherwise updates it. */
  save(args: SaveProfileArgs): Promise<ProfileDto> {
    return args.id === undefined ? this.create(args) : this.update(args.id, args)
  }

  create(args: SaveProfileArgs): Promise<ProfileDto> {
    return this.change(() => {
      const at = this.now().toISOString()
      const profile: StoredProfile = { ...settingsOf(args), id: this.newId(), createdAt: at, updatedAt: at }
      const secrets = applySecretChanges({}, args)
      return { profile, secrets, add: true }
    })
  }

  update(id: string, args: SaveProfileArgs): Promise<ProfileDto> {
    return this.change(() => {
      const old = this.find(id)
      const profile: StoredProfile = { ...settingsOf(args), id, createdAt: old.createdAt, updatedAt: this.now().toISOString() }
      return { profile, secrets: applySecretChanges(this.secretsOf(id), args), add: false }
    })
  }

  /** A copy with a new id, named "… (copy)", credentials included. */
  duplicate(id: string): Promise<ProfileDto> {
    return this.change(() => {
      const source = this.find(id)
      const at = this.now().toISOString()
      const profile: StoredProfile = { ...structuredClone(source), id: this.newId(), name: `${source.name} (copy)`, createdAt: at, updatedAt: at }
      return { profile, secrets: { ...this.secretsOf(id) }, add: true }
    })
  }

  delete(id: string): Promise<void> {
    return this.serialize(async () => {
      this.find(id)
      const secrets = { ...this.state.secrets }
      const hadSecrets = delete secrets[id]
      const next: ProfileState = { profiles: this.state.profiles.filter((p) => p.id !== id), secrets }
      await saveProfiles(this.fs, this.dir, this.cipher, next, hadSecrets)
      this.state = next
    })
  }

  /** The profiles (all, or those listed) as an export file's JSON text. It never holds secrets. */
  exportJson(ids?: readonly string[]): string {
    const chosen = ids === undefined ? this.state.profiles : ids.map((id) => this.find(id))
    return exportProfilesJson(chosen, this.now())
  }

  /** Adds the profiles of an export file as new profiles; secret fields in the file are ignored. */
  importJson(text: string): Promise<ImportReport> {
    return this.serialize(async () => {
      const { profiles: settings, skipped } = parseProfilesImport(text)
      const at = this.now().toISOString()
      const added: StoredProfile[] = settings.map((s: ProfileSettings) => ({ ...s, id: this.newId(), createdAt: at, updatedAt: at }))
      const next: ProfileState = { profiles: [...this.state.profiles, ...added], secrets: this.state.secrets }
      await saveProfiles(this.fs, this.dir, this.cipher, next, false)
      this.state = next
      const imported = added.map((p) => ({ id: p.id, name: p.name, missingSecrets: toProfileDto(p, {}).missingSecrets }))
      return { imported, needCredentials: imported.filter((p) => p.missingSecrets.length > 0).map((p) => p.name), skipped }
    })
  }

  private change(build: () => { profile: StoredProfile; secrets: ProfileSecrets; add: boolean }): Promise<ProfileDto> {
    return this.serialize(async () => {
      const { profile, secrets, add } = build()
      const profiles = add ? [...this.state.profiles, profile] : this.state.profiles.map((p) => (p.id === profile.id ? profile : p))
      const allSecrets = { ...this.state.secrets }
      if (Object.keys(secrets).length > 0) allSecrets[profile.id] = secrets
      else delete allSecrets[profile.id]
      const secretsChanged = JSON.stringify(secrets) !== JSON.stringify(this.state.secrets[profile.id] ?? {})
      const next: ProfileState = { profiles, secrets: allSecrets }
      await saveProfiles(this.fs, this.dir, this.cipher, next, secretsChanged)
      this.state = next
      return toProfileDto(profile, secrets)
    })
  }

  /** Runs changes one after another; a failed change leaves the state (in memory and on disk) as it was. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private find(id: string): StoredProfile {
    const profile = this.state.profiles.find((p) => p.id === id)
    if (profile === undefined) throw new AppError(PROFILE_NOT_FOUND, `There is no connection profile with id '${id}'.`)
    return profile
  }

  private secretsOf(id: string): ProfileSecrets {
    return this.state.secrets[id] ?? {}
  }
}
