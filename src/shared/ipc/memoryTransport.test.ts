import { describe, expect, it, vi } from 'vitest'
import { createTransportPair } from './memoryTransport'
import type { WireMessage } from './wire'

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createTransportPair', () => {
  it('delivers asynchronously and in order, as JSON copies', async () => {
    const [left, right] = createTransportPair()
    const received: unknown[] = []
    right.onMessage((message) => received.push(message))
    const payload = { when: new Date(0), list: [1, 2] }
    left.send({ t: 'evt', id: 1, v: payload })
    left.send({ t: 'evt', id: 2, v: undefined })
    expect(received).toEqual([])
    await nextTurn()
    expect(received).toEqual([
      { t: 'evt', id: 1, v: { when: '1970-01-01T00:00:00.000Z', list: [1, 2] } },
      { t: 'evt', id: 2 }
    ])
    expect((received[0] as { v: unknown }).v).not.toBe(payload)
  })

  it('throws on payloads JSON cannot carry, as a WebSocket transport would', () => {
    const [left] = createTransportPair()
    expect(() => left.send({ t: 'ok', id: 1, v: 10n } as WireMessage)).toThrow(/BigInt/)
  })

  it('closes both ends, the far one after the messages already sent', async () => {
    const [left, right] = createTransportPair()
    const events: string[] = []
    left.onClose(() => events.push('left closed'))
    right.onClose(() => events.push('right closed'))
    right.onMessage(() => events.push('right got message'))
    left.send({ t: 'unsub', id: 1 })
    left.close()
    left.send({ t: 'unsub', id: 2 })
    expect(events).toEqual(['left closed'])
    await vi.waitFor(() => expect(events).toEqual(['left closed', 'right got message', 'right closed']))
  })
})
