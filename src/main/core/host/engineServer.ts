import { RpcServer } from '../../../shared/ipc/server'
import { engine } from '../../../shared/contracts/engine'
import { presets } from '../../../shared/contracts/presets'
import { preview } from '../../../shared/contracts/preview'
import { profiles } from '../../../shared/contracts/profiles'
import { registry } from '../../../shared/contracts/registry'
import { tables } from '../../../shared/contracts/tables'
import { topics } from '../../../shared/contracts/topics'
import { views } from '../../../shared/contracts/views'
import { workspace } from '../../../shared/contracts/workspace'
import { PresetStore } from '../presets/presetStore'
import { EngineService } from '../services/engineService'
import { PresetsService } from '../services/presetsService'
import { PreviewService } from '../services/previewService'
import { ProfilesService } from '../services/profilesService'
import { RegistryService } from '../services/registryService'
import { TablesService } from '../services/tablesService'
import { TopicsService } from '../services/topicsService'
import { ViewsService } from '../services/viewsService'
import { WorkspaceService } from '../services/workspaceService'
import { WorkspaceStore } from '../workspace/workspaceStore'
import { openUserData } from './userData'
import type { EngineWorkerSettings } from './workerProtocol'

/**
 * Whether results are checked against their contract before they leave the worker: under test and in development,
 * or with TOPIC_TABLES_CHECK_OUTPUTS=1. Not in the built app, where it would re-walk every viewport 60 times a second.
 */
function checksOutputs(): boolean {
  const env = process.env.NODE_ENV
  return env === 'test' || env === 'development' || process.env.TOPIC_TABLES_CHECK_OUTPUTS === '1'
}

export interface EngineServer {
  readonly server: RpcServer
  /** The user-data folder, when it is a temporary one made for this run (to delete when the engine stops). */
  readonly temporaryDataDir?: string
}

/** The service graph of the engine worker. */
export async function createEngineServer(settings: EngineWorkerSettings = {}): Promise<EngineServer> {
  const server = new RpcServer({ validateOutputs: checksOutputs() })
  const userData = await openUserData(settings)
  const tablesService = new TablesService(undefined, userData.connections)
  server.register(engine, new EngineService(() => tablesService.openTableCount))
  const viewsService = new ViewsService(tablesService)
  server.register(tables, tablesService)
  server.register(views, viewsService)
  const presetStore = await PresetStore.open(userData.dir)
  server.register(profiles, new ProfilesService(userData.profiles, {}, (id) => presetStore.deleteProfile(id)))
  server.register(topics, new TopicsService(userData.connections))
  server.register(registry, new RegistryService(userData.connections, { profileName: (id) => userData.profiles.get(id).name }))
  server.register(workspace, new WorkspaceService(new WorkspaceStore(userData.dir)))
  server.register(preview, new PreviewService(userData.connections))
  server.register(presets, new PresetsService(presetStore, (id) => userData.profiles.list().some((p) => p.id === id)))
  server.onDisconnect((connectionId) => {
    viewsService.disconnect(connectionId)
    void tablesService.disconnect(connectionId)
  })
  return { server, temporaryDataDir: userData.temporary ? userData.dir : undefined }
}
