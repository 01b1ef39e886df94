import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Transport } from '../../shared/ipc/transport'
import { createAccessToken, hasAccessToken } from './accessToken'
import { createWebSocketTransport } from './webSocketTransport'

export interface WebSocketServerTransportOptions {
  /** Every connection is handed over here, already open; attach it to an RpcServer right away. */
  onConnection(transport: Transport): void
  /** Generated when absent. Clients connect to `ws://127.0.0.1:<port>/?token=<token>`. */
  token?: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Answers plain HTTP requests (the browser host serves the renderer here); without it they get 426. */
  onHttpRequest?: (request: IncomingMessage, response: ServerResponse) => void
}

export interface WebSocketTransportServer {
  readonly port: number
  readonly token: string
  /** The URL a client connects to, token included. */
  readonly url: string
  /** Closes every connection's transport (ending their RPC state at once), then waits for the sockets and the listener to shut. */
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const CLOSE_GRACE_MS = 1000

/**
 * The test/dev RPC endpoint for the headless host: loopback only, and a connection must present the
 * token, or it is refused with HTTP 401 before the WebSocket upgrade.
 */
export async function startWebSocketServerTransport(options: WebSocketServerTransportOptions): Promise<WebSocketTransportServer> {
  const token = options.token ?? createAccessToken()
  const sockets = new WebSocketServer({ noServer: true })
  const transports = new Set<Transport>()
  const http = createServer((request, response) => {
    if (options.onHttpRequest) return options.onHttpRequest(request, response)
    response.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close' }).end('WebSocket connections only\n')
  })

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    if (!hasAccessToken(request.url, token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const transport = createWebSocketTransport(webSocket)
      transports.add(transport)
      transport.onClose(() => transports.delete(transport))
      options.onConnection(transport)
    })
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, HOST, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const { port } = http.address() as AddressInfo

  return {
    port,
    token,
    url: `ws://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
    async close() {
      const socketsClosed = [...sockets.clients].map((client) => new Promise((resolve) => client.once('close', resolve)))
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      for (const transport of [...transports]) transport.close()
      const forceClose = setTimeout(() => sockets.clients.forEach((client) => client.terminate()), CLOSE_GRACE_MS)
      await Promise.all([stopped, ...socketsClosed])
      clearTimeout(forceClose)
      sockets.close()
    }
  }
}
