import { createClient } from '../../../shared/ipc/client'
import type { Transport } from '../../../shared/ipc/transport'
import { createWebSocketClientTransport } from '../../../shared/ipc/webSocketClientTransport'
import { engine } from '../../../shared/contracts/engine'
import { presets } from '../../../shared/contracts/presets'
import { preview } from '../../../shared/contracts/preview'
import { profiles } from '../../../shared/contracts/profiles'
import { registry } from '../../../shared/contracts/registry'
import { tables } from '../../../shared/contracts/tables'
import { topics } from '../../../shared/contracts/topics'
import { views } from '../../../shared/contracts/views'
import { workspace } from '../../../shared/contracts/workspace'
import { createBridgeTransport, type RpcBridge } from './bridgeTransport'

declare global {
  interface Window {
    rpc?: RpcBridge
  }
}

/** The Electron bridge when the preload is there; otherwise the browser host's WebSocket, with the page's token. */
function connect(): Transport {
  if (window.rpc) return createBridgeTransport(window.rpc)
  const token = new URLSearchParams(window.location.search).get('token') ?? ''
  return createWebSocketClientTransport(`ws://${window.location.host}/?token=${encodeURIComponent(token)}`)
}

export const transport = connect()
export const api = createClient(transport, { engine, tables, views, profiles, topics, registry, workspace, preview, presets })

/** The typed client; composables take it as a parameter (defaulting to `api`) so tests can pass a fake. */
export type Api = typeof api
