import { RpcServer } from '../../../shared/ipc/server'
import { engine } from '../../../shared/contracts/engine'
import { tables } from '../../../shared/contracts/tables'
import { EngineService } from '../services/engineService'
import { TablesService } from '../services/tablesService'

/** The service graph of the engine worker. */
export function createEngineServer(): RpcServer {
  const server = new RpcServer({ validateOutputs: process.env.NODE_ENV !== 'production' })
  const tablesService = new TablesService()
  server.register(engine, new EngineService(() => tablesService.openTableCount))
  server.register(tables, tablesService)
  server.onDisconnect((connectionId) => void tablesService.disconnect(connectionId))
  return server
}
