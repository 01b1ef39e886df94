import { RpcServer } from '../../../shared/ipc/server'
import { engine } from '../../../shared/contracts/engine'
import { EngineService } from '../services/engineService'

/** The service graph of the engine worker. */
export function createEngineServer(): RpcServer {
  const server = new RpcServer({ validateOutputs: process.env.NODE_ENV !== 'production' })
  server.register(engine, new EngineService())
  return server
}
