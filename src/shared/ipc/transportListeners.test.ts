import { describe, expect, it, vi } from 'vitest'
import { createTransportListeners } from './transportListeners'

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('createTransportListeners', () => {
  it('delivers messages to every listener until it is removed', () => {
    const listeners = createTransportListeners()
    const first = vi.fn()
    const second = vi.fn()
    const removeFirst = listeners.onMessage(first)
    listeners.onMessage(second)
    listeners.deliver('a')
    removeFirst()
    listeners.deliver('b')
    expect(first.mock.calls).toEqual([['a']])
    expect(second.mock.calls).toEqual([['a'], ['b']])
  })

  it('holds messages that arrive before the first listener, and keeps their order', async () => {
    const listeners = createTransportListeners()
    listeners.deliver(1)
    listeners.deliver(2)
    const received: unknown[] = []
    listeners.onMessage((message) => received.push(message))
    listeners.deliver(3)
    expect(received).toEqual([])
    await microtasks()
    expect(received).toEqual([1, 2, 3])
  })

  it('closes once, notifies close listeners, and ignores messages afterwards', () => {
    const listeners = createTransportListeners()
    const onMessage = vi.fn()
    const onClose = vi.fn()
    listeners.onMessage(onMessage)
    listeners.onClose(onClose)
    expect(listeners.markClosed()).toBe(true)
    expect(listeners.markClosed()).toBe(false)
    listeners.deliver('late')
    expect(listeners.isClosed).toBe(true)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('calls a close listener added after the close, asynchronously', async () => {
    const listeners = createTransportListeners()
    listeners.markClosed()
    const onClose = vi.fn()
    listeners.onClose(onClose)
    expect(onClose).not.toHaveBeenCalled()
    await microtasks()
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
