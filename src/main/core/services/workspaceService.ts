import type { workspace } from '../../../shared/contracts/workspace'
import type { ImplOf } from '../../../shared/ipc/contract'
import type { Workspace } from '../../../shared/model/workspace'
import type { WorkspaceStore } from '../workspace/workspaceStore'

/** The workspace contract over a WorkspaceStore in the user-data folder. */
export class WorkspaceService implements ImplOf<typeof workspace> {
  constructor(private readonly store: WorkspaceStore) {}

  loadWorkspace() {
    return this.store.load()
  }

  saveWorkspace(saved: Workspace) {
    return this.store.save(saved)
  }
}
