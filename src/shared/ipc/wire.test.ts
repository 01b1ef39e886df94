import { describe, expect, it } from 'vitest'
import { ClientMessageSchema, ServerMessageSchema, messageIdOf } from './wire'

describe('wire schemas', () => {
  it('accept every client message, with or without arguments', () => {
    for (const message of [
      { t: 'call', id: 1, svc: 'tables', m: 'openView', a: { topic: 'x' } },
      { t: 'call', id: 2, svc: 'app', m: 'version' },
      { t: 'cancel', id: 1 },
      { t: 'sub', id: 3, svc: 'tables', e: 'onViewportData', a: { viewId: 'v' } },
      { t: 'unsub', id: 3 }
    ]) {
      expect(ClientMessageSchema.safeParse(message).success).toBe(true)
    }
  })

  it('reject unknown kinds, bad ids and missing names', () => {
    for (const message of [
      { t: 'ok', id: 1, v: 1 },
      { t: 'call', id: -1, svc: 'a', m: 'b' },
      { t: 'call', id: 1.5, svc: 'a', m: 'b' },
      { t: 'call', id: '1', svc: 'a', m: 'b' },
      { t: 'call', id: 1, svc: '', m: 'b' },
      { t: 'sub', id: 1, svc: 'a' },
      'call',
      null
    ]) {
      expect(ClientMessageSchema.safeParse(message).success).toBe(false)
    }
  })

  it('accept server messages, including results with no value', () => {
    expect(ServerMessageSchema.safeParse({ t: 'ok', id: 1 }).success).toBe(true)
    expect(ServerMessageSchema.safeParse({ t: 'evt', id: 1, v: [1, 2] }).success).toBe(true)
    expect(ServerMessageSchema.safeParse({ t: 'err', id: 1, e: { code: 'X', message: 'y' } }).success).toBe(true)
    expect(ServerMessageSchema.safeParse({ t: 'err', id: 1, e: { code: 'X' } }).success).toBe(false)
  })
})

describe('messageIdOf', () => {
  it('finds a usable id on a malformed message', () => {
    expect(messageIdOf({ t: 'call', id: 42 })).toBe(42)
  })

  it('ignores ids that could not be answered', () => {
    expect(messageIdOf({ id: 'x' })).toBeUndefined()
    expect(messageIdOf({ id: -1 })).toBeUndefined()
    expect(messageIdOf('text')).toBeUndefined()
    expect(messageIdOf(null)).toBeUndefined()
  })
})
