import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createClient } from './client'
import { call, defineContract, event } from './contract'
import { AppError } from './errors'
import { createTransportPair } from './memoryTransport'
import type { ClientMessage } from './wire'

const notes = defineContract('notes', {
  save: call(z.object({ text: z.unknown() }), z.void()),
  onNote: event(z.void(), z.string())
})

function connect() {
  const [clientEnd, serverEnd] = createTransportPair()
  const sent: ClientMessage[] = []
  serverEnd.onMessage((message) => sent.push(message as ClientMessage))
  return { api: createClient(clientEnd, { notes }).notes, clientEnd, serverEnd, sent }
}

describe('createClient', () => {
  it('rejects arguments JSON cannot carry with BAD_ARGS, sending nothing', async () => {
    const { api, sent } = connect()
    await expect(api.save({ text: 1n })).rejects.toMatchObject({ code: 'BAD_ARGS', message: expect.stringContaining('BigInt') })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(sent).toEqual([])
  })

  it('ignores malformed replies and replies to ids it does not know', async () => {
    const { api, serverEnd, sent } = connect()
    const saved = api.save({ text: 'x' })
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    serverEnd.send({ t: 'ok', id: 999 })
    serverEnd.send({ nonsense: true } as never)
    serverEnd.send({ t: 'ok', id: sent[0]!.id })
    await expect(saved).resolves.toBeUndefined()
  })

  it('stops listening to a subscription once the server ends it with an error', async () => {
    const { api, serverEnd, sent } = connect()
    const listener = vi.fn()
    const error = new Promise<AppError>((resolve) => api.onNote(undefined, listener, resolve))
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    const { id } = sent[0]!
    serverEnd.send({ t: 'err', id, e: { code: 'VIEW_GONE', message: 'gone' } })
    serverEnd.send({ t: 'evt', id, v: 'late' })
    expect(await error).toMatchObject({ code: 'VIEW_GONE', message: 'gone' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(listener).not.toHaveBeenCalled()
  })

  it('after the close, fails new subscriptions with CLOSED and sends nothing on unsubscribe', async () => {
    const { api, clientEnd } = connect()
    clientEnd.close()
    const error = await new Promise<AppError>((resolve) => {
      const unsubscribe = api.onNote(undefined, () => {}, resolve)
      unsubscribe()
    })
    expect(error.code).toBe('CLOSED')
  })

  it('logs subscription errors nobody handles, except CLOSED', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const { api, serverEnd, sent, clientEnd } = connect()
      api.onNote(undefined, () => {})
      api.onNote(undefined, () => {})
      await vi.waitFor(() => expect(sent).toHaveLength(2))
      serverEnd.send({ t: 'err', id: sent[0]!.id, e: { code: 'BAD_ARGS', message: 'no' } })
      await vi.waitFor(() => expect(consoleError).toHaveBeenCalledTimes(1))
      expect(consoleError.mock.calls[0]![0]).toContain('notes.onNote')
      clientEnd.close()
      expect(consoleError).toHaveBeenCalledTimes(1)
    } finally {
      consoleError.mockRestore()
    }
  })
})
