import type { presets } from '../../../shared/contracts/presets'
import type { ImplOf } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { SavePresetArgs } from '../../../shared/model/presets'
import type { PresetStore } from '../presets/presetStore'

/** The presets contract over a PresetStore; a preset belongs to a profile that must exist. */
export class PresetsService implements ImplOf<typeof presets> {
  constructor(
    private readonly store: PresetStore,
    private readonly profileExists: (profileId: string) => boolean
  ) {}

  listPresets({ profileId }: { profileId: string }) {
    return { presets: this.store.list(profileId) }
  }

  savePreset(args: SavePresetArgs) {
    this.requireProfile(args.profileId)
    return this.store.save(args)
  }

  renamePreset({ profileId, id, name }: { profileId: string; id: string; name: string }) {
    return this.store.rename(profileId, id, name)
  }

  deletePreset({ profileId, id }: { profileId: string; id: string }) {
    return this.store.delete(profileId, id)
  }

  private requireProfile(profileId: string): void {
    if (!this.profileExists(profileId)) throw new AppError('PROFILE_NOT_FOUND', `No profile ${profileId}: a preset is saved in a profile`)
  }
}
