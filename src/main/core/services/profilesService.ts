import type { profiles } from '../../../shared/contracts/profiles'
import type { ImplOf } from '../../../shared/ipc/contract'
import type { ConnectionReport } from '../../../shared/model/connectionTest'
import type { SaveProfileArgs } from '../../../shared/model/profiles'
import { runConnectionTest, type ConnectionTestOptions } from '../connectionTest'
import type { ProfileStore } from '../profiles/profileStore'

/** The profiles contract over a ProfileStore (open it with `ProfileStore.open(dir, cipher)`). */
export class ProfilesService implements ImplOf<typeof profiles> {
  constructor(
    private readonly store: ProfileStore,
    private readonly connectionTestOptions: ConnectionTestOptions = {},
    /** Called after a profile is deleted (its presets go with it). */
    private readonly onDeleted: (id: string) => Promise<void> = async () => {}
  ) {}

  listProfiles() {
    return { profiles: this.store.list(), secretStorage: this.store.secretStorage, warnings: [...this.store.warnings] }
  }

  getProfile({ id }: { id: string }) {
    return this.store.get(id)
  }

  saveProfile(args: SaveProfileArgs) {
    return this.store.save(args)
  }

  duplicateProfile({ id }: { id: string }) {
    return this.store.duplicate(id)
  }

  async deleteProfile({ id }: { id: string }) {
    await this.store.delete(id)
    await this.onDeleted(id)
  }

  exportProfiles({ ids }: { ids?: string[] | undefined }) {
    return { json: this.store.exportJson(ids) }
  }

  importProfiles({ json }: { json: string }) {
    return this.store.importJson(json)
  }

  testConnection(args: SaveProfileArgs): Promise<ConnectionReport> {
    const { settings, secrets } = this.store.resolve(args)
    return runConnectionTest(settings, secrets, this.connectionTestOptions)
  }
}
