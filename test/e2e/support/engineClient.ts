import { WebSocket } from 'ws'
import { createClient } from '../../../src/shared/ipc/client'
import { createWebSocketClientTransport, type WebSocketConstructor } from '../../../src/shared/ipc/webSocketClientTransport'
import { engine } from '../../../src/shared/contracts/engine'
import type { EngineInfo } from '../../../src/shared/contracts/engine'
import { presets } from '../../../src/shared/contracts/presets'
import { profiles } from '../../../src/shared/contracts/profiles'

/** A second client of the app's engine (same token), for tests to check engine state behind the page's back. */
export interface EngineClient {
  getInfo(): Promise<EngineInfo>
  /** The profiles and presets services, to set up state the way the app would keep it. */
  api: { profiles: ProfilesApi; presets: PresetsApi }
  close(): void
}

function clientFor(transport: Parameters<typeof createClient>[0]) {
  return createClient(transport, { engine, profiles, presets })
}
type ProfilesApi = ReturnType<typeof clientFor>['profiles']
type PresetsApi = ReturnType<typeof clientFor>['presets']

export function connectEngine(appUrl: string): EngineClient {
  const url = new URL(appUrl)
  const token = url.searchParams.get('token') ?? ''
  const transport = createWebSocketClientTransport(`ws://${url.host}/?token=${encodeURIComponent(token)}`, {
    WebSocket: WebSocket as unknown as WebSocketConstructor
  })
  const client = clientFor(transport)
  return { getInfo: () => client.engine.getInfo(), api: { profiles: client.profiles, presets: client.presets }, close: () => transport.close() }
}
