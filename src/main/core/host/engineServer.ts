import { RpcServer } from '../../../shared/ipc/server'
import { engine } from '../../../shared/contracts/engine'
import { tables } from '../../../shared/contracts/tables'
import { views } from '../../../shared/contracts/views'
import { EngineService } from '../services/engineService'
import { TablesService } from '../services/tablesService'
import { ViewsService } from '../services/viewsService'

/** The service graph of the engine worker. */
export function createEngineServer(): RpcServer {
  const server = new RpcServer({ validateOutputs: process.env.NODE_ENV !== 'production' })
  const tablesService = new TablesService()
  server.register(engine, new EngineService(() => tablesService.openTableCount))
  const viewsService = new ViewsService(tablesService)
  server.register(tables, tablesService)
  server.register(views, viewsService)
  server.onDisconnect((connectionId) => {
    viewsService.disconnect(connectionId)
    void tablesService.disconnect(connectionId)
  })
  return server
}
