import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebSocketClientTransport, type WebSocketLike } from './webSocketClientTransport'

type Listener = (event: { data: unknown }) => void

/** A scripted WebSocket: the test opens, feeds and closes it. */
class FakeWebSocket implements WebSocketLike {
  static last: FakeWebSocket
  readyState = 0
  readonly sent: string[] = []
  readonly closeCalls: Array<number | undefined> = []
  private readonly listeners = new Map<string, Listener[]>()

  constructor(readonly url: string) {
    FakeWebSocket.last = this
  }

  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open')
    this.sent.push(data)
  }

  close(code?: number) {
    this.closeCalls.push(code)
  }

  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  emit(type: 'open' | 'message' | 'close' | 'error', data?: unknown) {
    if (type === 'open') this.readyState = 1
    if (type === 'close') this.readyState = 3
    for (const listener of this.listeners.get(type) ?? []) listener({ data })
  }
}

describe('createWebSocketClientTransport', () => {
  afterEach(() => vi.useRealTimers())

  it('queues messages sent while connecting and flushes them in order on open', () => {
    const transport = createWebSocketClientTransport('ws://host/?token=t', { WebSocket: FakeWebSocket })
    const socket = FakeWebSocket.last
    expect(socket.url).toBe('ws://host/?token=t')
    transport.send({ t: 'unsub', id: 1 })
    transport.send({ t: 'unsub', id: 2 })
    expect(socket.sent).toEqual([])
    socket.emit('open')
    transport.send({ t: 'unsub', id: 3 })
    expect(socket.sent.map((text) => JSON.parse(text).id)).toEqual([1, 2, 3])
  })

  it('delivers parsed text messages and drops binary data and invalid JSON', async () => {
    const transport = createWebSocketClientTransport('ws://host/', { WebSocket: FakeWebSocket })
    const socket = FakeWebSocket.last
    const received: unknown[] = []
    transport.onMessage((message) => received.push(message))
    socket.emit('open')
    socket.emit('message', '{"t":"ok","id":1}')
    socket.emit('message', new ArrayBuffer(2))
    socket.emit('message', '{not json')
    expect(received).toEqual([{ t: 'ok', id: 1 }])
  })

  it('closes when the socket closes or fails, and drops the queue', () => {
    const transport = createWebSocketClientTransport('ws://host/', { WebSocket: FakeWebSocket })
    const socket = FakeWebSocket.last
    const onClose = vi.fn()
    transport.onClose(onClose)
    transport.send({ t: 'unsub', id: 1 })
    socket.emit('error')
    socket.emit('close')
    socket.emit('open')
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(socket.sent).toEqual([])
  })

  it('gives up when the socket does not open in time', () => {
    vi.useFakeTimers()
    const transport = createWebSocketClientTransport('ws://host/', { WebSocket: FakeWebSocket, openTimeoutMs: 500 })
    const onClose = vi.fn()
    transport.onClose(onClose)
    vi.advanceTimersByTime(499)
    expect(onClose).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(FakeWebSocket.last.closeCalls).toEqual([1000])
  })

  it('closes the socket with a normal closure on close()', () => {
    const transport = createWebSocketClientTransport('ws://host/', { WebSocket: FakeWebSocket })
    FakeWebSocket.last.emit('open')
    transport.close()
    transport.close()
    transport.send({ t: 'unsub', id: 1 })
    expect(FakeWebSocket.last.closeCalls).toEqual([1000])
    expect(FakeWebSocket.last.sent).toEqual([])
  })

  it('needs a WebSocket class when there is no global one', () => {
    const original = (globalThis as { WebSocket?: unknown }).WebSocket
    vi.stubGlobal('WebSocket', undefined)
    try {
      expect(() => createWebSocketClientTransport('ws://host/')).toThrow(/No global WebSocket/)
    } finally {
      vi.stubGlobal('WebSocket', original)
      vi.unstubAllGlobals()
    }
  })
})
