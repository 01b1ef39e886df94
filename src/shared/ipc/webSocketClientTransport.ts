import { decodeMessage, encodeMessage } from './jsonCodec'
import type { Transport } from './transport'
import { createTransportListeners } from './transportListeners'

/** The part of the WebSocket API this transport uses; the browser's WebSocket and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: () => void): void
  addEventListener(type: 'error', listener: () => void): void
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

export interface WebSocketClientTransportOptions {
  /** Defaults to the global WebSocket (browsers); Node 20 tests pass `ws`'s WebSocket class. */
  WebSocket?: WebSocketConstructor
  /** Give up, closing the transport, if the socket has not opened by then. */
  openTimeoutMs?: number
}

const OPEN = 1
const NORMAL_CLOSURE = 1000

/**
 * A Transport over a WebSocket. Messages sent while the socket is still connecting are queued and
 * flushed in order on open; if it never opens (refused, timeout) the transport closes, so the
 * client rejects what it was waiting for with CLOSED.
 */
export function createWebSocketClientTransport(url: string, options: WebSocketClientTransportOptions = {}): Transport {
  const WebSocketClass = options.WebSocket ?? globalWebSocket()
  const listeners = createTransportListeners()
  const socket = new WebSocketClass(url)
  let queued: string[] | undefined = []

  const openTimer = setTimeout(() => close(), options.openTimeoutMs ?? 10_000)
  const finish = () => {
    clearTimeout(openTimer)
    queued = undefined
    return listeners.markClosed()
  }
  const close = () => {
    if (finish()) socket.close(NORMAL_CLOSURE)
  }

  socket.addEventListener('open', () => {
    clearTimeout(openTimer)
    const pending = queued ?? []
    queued = undefined
    if (!listeners.isClosed) pending.forEach((text) => socket.send(text))
  })
  socket.addEventListener('message', ({ data }) => {
    if (typeof data !== 'string') return
    const message = decodeMessage(data)
    if (message !== undefined) listeners.deliver(message)
  })
  socket.addEventListener('close', finish)
  socket.addEventListener('error', finish)

  return {
    send(message) {
      if (listeners.isClosed) return
      const text = encodeMessage(message)
      if (queued) queued.push(text)
      else if (socket.readyState === OPEN) socket.send(text)
    },
    onMessage: (listener) => listeners.onMessage(listener),
    onClose: (listener) => listeners.onClose(listener),
    close
  }
}

function globalWebSocket(): WebSocketConstructor {
  const WebSocketClass = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
  if (!WebSocketClass) throw new Error('No global WebSocket: pass one in the options')
  return WebSocketClass
}
