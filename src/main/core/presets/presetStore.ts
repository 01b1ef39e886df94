import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../../../shared/ipc/errors'
import { PresetSchema, type Preset, type PresetArgs, type SavePresetArgs } from '../../../shared/model/presets'
import { withoutSecretProperties } from '../kafka/config/secrets'
import { isTempFile, writeFileAtomic } from '../profiles/atomicWrite'
import { nodeFs, type FsLayer } from '../profiles/fsLayer'

export const PRESETS_FILE = 'presets.json'

const PresetsFileSchema = z.object({ version: z.literal(1), presets: z.record(z.string(), z.array(PresetSchema)) })
type PresetsFile = z.infer<typeof PresetsFileSchema>

/**
 * Named table settings per profile, in `<dir>/presets.json`, replaced atomically on every change. Secret
 * properties (passwords, JAAS, tokens) are dropped on save: the profile holds the credentials.
 */
export class PresetStore {
  private constructor(
    private readonly fs: FsLayer,
    private readonly dir: string,
    private data: PresetsFile,
    /** Why the file could not be read, when it was unreadable (it is kept until the next save). */
    readonly warning: string | null
  ) {}

  static async open(dir: string, fs: FsLayer = nodeFs): Promise<PresetStore> {
    await fs.mkdir(dir)
    // An unfinished save left its temp file; the previous presets.json is intact.
    for (const name of await fs.readdir(dir)) if (isTempFile(name) && name.startsWith(`.${PRESETS_FILE}.`)) await fs.unlink(`${dir}/${name}`).catch(() => undefined)
    const bytes = await fs.readFile(`${dir}/${PRESETS_FILE}`)
    if (!bytes) return new PresetStore(fs, dir, { version: 1, presets: {} }, null)
    try {
      return new PresetStore(fs, dir, PresetsFileSchema.parse(JSON.parse(bytes.toString('utf8'))), null)
    } catch (e) {
      const reason = e instanceof SyntaxError ? 'it is not valid JSON' : 'its content is not a presets file'
      return new PresetStore(fs, dir, { version: 1, presets: {} }, `${PRESETS_FILE} could not be read (${reason}); it will be replaced on the next save`)
    }
  }

  list(profileId: string): Preset[] {
    return [...(this.data.presets[profileId] ?? [])].sort((a, b) => a.name.localeCompare(b.name))
  }

  async save({ profileId, name, args, overwrite }: SavePresetArgs, now = new Date()): Promise<Preset> {
    const presets = this.data.presets[profileId] ?? []
    const trimmed = name.trim()
    const existing = presets.find((p) => sameName(p.name, trimmed))
    if (existing && !overwrite) throw new AppError('PRESET_EXISTS', `A preset named '${existing.name}' already exists for this profile`)
    const preset: Preset = { id: existing?.id ?? randomUUID(), profileId, name: trimmed, args: withoutSecrets(args), savedAt: now.toISOString() }
    await this.write(profileId, existing ? presets.map((p) => (p.id === existing.id ? preset : p)) : [...presets, preset])
    return preset
  }

  async rename(profileId: string, id: string, name: string): Promise<Preset> {
    const presets = this.data.presets[profileId] ?? []
    const preset = this.find(profileId, id)
    const trimmed = name.trim()
    if (presets.some((p) => p.id !== id && sameName(p.name, trimmed))) {
      throw new AppError('PRESET_EXISTS', `A preset named '${trimmed}' already exists for this profile`)
    }
    const renamed = { ...preset, name: trimmed }
    await this.write(profileId, presets.map((p) => (p.id === id ? renamed : p)))
    return renamed
  }

  async delete(profileId: string, id: string): Promise<void> {
    this.find(profileId, id)
    await this.write(profileId, (this.data.presets[profileId] ?? []).filter((p) => p.id !== id))
  }

  /** Drops a deleted profile's presets. */
  async deleteProfile(profileId: string): Promise<void> {
    if (!(profileId in this.data.presets)) return
    await this.write(profileId, [])
  }

  private find(profileId: string, id: string): Preset {
    const preset = this.data.presets[profileId]?.find((p) => p.id === id)
    if (!preset) throw new AppError('PRESET_NOT_FOUND', `No preset ${id} for this profile`)
    return preset
  }

  private async write(profileId: string, presets: Preset[]): Promise<void> {
    const next: PresetsFile = { version: 1, presets: { ...this.data.presets } }
    if (presets.length > 0) next.presets[profileId] = presets
    else delete next.presets[profileId]
    await writeFileAtomic(this.fs, this.dir, PRESETS_FILE, Buffer.from(`${JSON.stringify(next, null, 2)}\n`), 0o600)
    this.data = next
  }
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0
}

/** The settings without any secret-looking property; the profile supplies credentials when the preset opens. */
export function withoutSecrets(args: PresetArgs): PresetArgs {
  return { ...args, properties: withoutSecretProperties(args.properties).kept }
}
