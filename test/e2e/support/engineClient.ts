import { WebSocket } from 'ws'
import { createClient } from '../../../src/shared/ipc/client'
import { createWebSocketClientTransport, type WebSocketConstructor } from '../../../src/shared/ipc/webSocketClientTransport'
import { engine } from '../../../src/shared/contracts/engine'
import type { EngineInfo } from '../../../src/shared/contracts/engine'

/** A second client of the app's engine (same token), for tests to check engine state behind the page's back. */
export interface EngineClient {
  getInfo(): Promise<EngineInfo>
  close(): void
}

export function connectEngine(appUrl: string): EngineClient {
  const url = new URL(appUrl)
  const token = url.searchParams.get('token') ?? ''
  const transport = createWebSocketClientTransport(`ws://${url.host}/?token=${encodeURIComponent(token)}`, {
    WebSocket: WebSocket as unknown as WebSocketConstructor
  })
  const client = createClient(transport, { engine })
  return { getInfo: () => client.engine.getInfo(), close: () => transport.close() }
}
