import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/ipc/errors'
import { TableSession } from './tableSession'

function fakeApi(fail?: AppError) {
  const calls: string[] = []
  const api = {
    tables: {
      closeTable: async (a: { tableId: string }) => {
        calls.push(`closeTable ${a.tableId}`)
        if (fail) throw fail
      },
      pauseTable: async () => void calls.push('pause'),
      resumeTable: async () => void calls.push('resume')
    },
    views: { closeView: async (a: { viewId: string }) => void calls.push(`closeView ${a.viewId}`) }
  }
  return { api: api as unknown as ConstructorParameters<typeof TableSession>[2], calls }
}

const info = { tableId: 't1', topic: 'orders', columns: [], sources: { key: 'ignore', value: 'Value: string' } }
const args = { properties: {}, topic: 'orders', keySpec: { kind: 'ignore' as const }, valueSpec: { kind: 'ignore' as const }, tableType: { kind: 'append' as const } }

describe('TableSession', () => {
  it('closes the view before the table, once', async () => {
    const { api, calls } = fakeApi()
    const session = new TableSession(info, args, api)
    session.viewId = 'v1'
    await Promise.all([session.close(), session.close()])
    expect(calls).toEqual(['closeView v1', 'closeTable t1'])
    expect(session.closed).toBe(true)
  })

  it('does not mind a table the engine already dropped', async () => {
    const { api } = fakeApi(new AppError('TABLE_NOT_FOUND', 'gone'))
    await expect(new TableSession(info, args, api).close()).resolves.toBeUndefined()
  })

  it('passes other failures on', async () => {
    const { api } = fakeApi(new AppError('INTERNAL', 'boom'))
    await expect(new TableSession(info, args, api).close()).rejects.toThrow('boom')
  })
})
