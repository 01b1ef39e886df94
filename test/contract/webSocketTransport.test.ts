import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import { startWebSocketServerTransport, type WebSocketTransportServer } from '../../src/main/transport/webSocketServerTransport'
import { createClient } from '../../src/shared/ipc/client'
import { AppError } from '../../src/shared/ipc/errors'
import { RpcServer } from '../../src/shared/ipc/server'
import type { Transport } from '../../src/shared/ipc/transport'
import { createWebSocketClientTransport } from '../../src/shared/ipc/webSocketClientTransport'
import { demo } from './demoContract'
import { DemoService } from './DemoService'
import { describeRpcContract } from './rpcContractSuite'

async function startServer(onConnection: (transport: Transport) => void = () => {}): Promise<WebSocketTransportServer> {
  return startWebSocketServerTransport({ onConnection })
}

describeRpcContract('a WebSocket on 127.0.0.1', async () => {
  let accept!: (transport: Transport) => void
  const accepted = new Promise<Transport>((resolve) => (accept = resolve))
  const wsServer = await startServer(accept)
  const client = createWebSocketClientTransport(wsServer.url, { WebSocket })
  const server = await accepted
  return {
    client,
    server,
    async dispose() {
      client.close()
      await wsServer.close()
    }
  }
})

/** The HTTP status the server answered the upgrade with (ws reports a refused handshake as an error). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('open', () => reject(new Error('the connection was accepted')))
    socket.on('error', () => {})
  })
}

describe('WebSocket server transport', () => {
  let wsServer: WebSocketTransportServer | undefined
  afterEach(async () => {
    await wsServer?.close()
    wsServer = undefined
  })

  it('listens on 127.0.0.1 with a random port and a generated token', async () => {
    wsServer = await startServer()
    expect(wsServer.port).toBeGreaterThan(0)
    expect(wsServer.token.length).toBeGreaterThanOrEqual(32)
    expect(wsServer.url).toBe(`ws://127.0.0.1:${wsServer.port}/?token=${wsServer.token}`)
  })

  it('refuses connections without the token, or with a wrong one, with HTTP 401 before the upgrade', async () => {
    const connections: Transport[] = []
    wsServer = await startServer((transport) => connections.push(transport))
    const base = `ws://127.0.0.1:${wsServer.port}/`
    expect(await upgradeStatus(base)).toBe(401)
    expect(await upgradeStatus(`${base}?token=`)).toBe(401)
    expect(await upgradeStatus(`${base}?token=${wsServer.token}x`)).toBe(401)
    expect(await upgradeStatus(`${base}?token=${'x'.repeat(wsServer.token.length)}`)).toBe(401)
    expect(connections).toHaveLength(0)
  })

  it('answers plain HTTP requests with 426', async () => {
    wsServer = await startServer()
    const response = await fetch(`http://127.0.0.1:${wsServer.port}/?token=${wsServer.token}`)
    expect(response.status).toBe(426)
  })

  it('closes a refused client transport, so its calls reject with CLOSED', async () => {
    wsServer = await startServer()
    const transport = createWebSocketClientTransport(`ws://127.0.0.1:${wsServer.port}/?token=wrong`, { WebSocket })
    const api = createClient(transport, { demo })
    const error = await api.demo.version().catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'CLOSED' })
  })

  it('closes cleanly: clients see the close, subscriptions are disposed, the port stops accepting', async () => {
    const rpcServer = new RpcServer()
    const service = new DemoService()
    rpcServer.register(demo, service)
    wsServer = await startServer((transport) => rpcServer.attach(transport))
    const clients = [0, 1].map(() => createWebSocketClientTransport(wsServer!.url, { WebSocket }))
    const apis = clients.map((transport) => createClient(transport, { demo }))
    const clientsClosed = Promise.all(clients.map((transport) => new Promise<void>((resolve) => transport.onClose(resolve))))
    const subscriptionErrors = Promise.all(
      apis.map((api) => new Promise<AppError>((resolve) => api.demo.onBroadcast({ channel: 'c' }, () => {}, resolve)))
    )
    await vi.waitFor(() => expect(rpcServer.activeSubscriptions).toBe(2), { timeout: 2000, interval: 2 })
    expect(await Promise.all(apis.map((api) => api.demo.broadcast({ channel: 'c', message: 'hi' })))).toEqual([2, 2])

    const { url } = wsServer
    await wsServer.close()
    wsServer = undefined

    await clientsClosed
    expect((await subscriptionErrors).map((error) => error.code)).toEqual(['CLOSED', 'CLOSED'])
    expect(rpcServer.activeSubscriptions).toBe(0)
    expect(service.teardowns).toBe(2)
    const refused = await new Promise<Error>((resolve) => new WebSocket(url).on('error', resolve))
    expect(refused.message).toMatch(/ECONNREFUSED/)
  })
})
