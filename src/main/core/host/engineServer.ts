import { RpcServer } from '../../../shared/ipc/server'
import { engine } from '../../../shared/contracts/engine'
import { profiles } from '../../../shared/contracts/profiles'
import { tables } from '../../../shared/contracts/tables'
import { views } from '../../../shared/contracts/views'
import { EngineService } from '../services/engineService'
import { ProfilesService } from '../services/profilesService'
import { TablesService } from '../services/tablesService'
import { ViewsService } from '../services/viewsService'
import { openUserData } from './userData'
import type { EngineWorkerSettings } from './workerProtocol'

/** The service graph of the engine worker. */
export async function createEngineServer(settings: EngineWorkerSettings = {}): Promise<RpcServer> {
  const server = new RpcServer({ validateOutputs: process.env.NODE_ENV !== 'production' })
  const userData = await openUserData(settings)
  const tablesService = new TablesService(undefined, userData.connections)
  server.register(engine, new EngineService(() => tablesService.openTableCount))
  const viewsService = new ViewsService(tablesService)
  server.register(tables, tablesService)
  server.register(views, viewsService)
  server.register(profiles, new ProfilesService(userData.profiles))
  server.onDisconnect((connectionId) => {
    viewsService.disconnect(connectionId)
    void tablesService.disconnect(connectionId)
  })
  return server
}
