import { createTransportPair } from '../../src/shared/ipc/memoryTransport'
import { describeRpcContract } from './rpcContractSuite'

describeRpcContract('the in-memory transport pair', async () => {
  const [client, server] = createTransportPair()
  return { client, server, dispose: async () => client.close() }
})
