import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engine } from '../../src/shared/contracts/engine'
import { createClient } from '../../src/shared/ipc/client'
import { createTransportPair } from '../../src/shared/ipc/memoryTransport'
import { startEngineWorker, type EngineWorkerHost } from '../../src/main/host/engineWorkerHost'
import { bundleWorker } from '../support/bundleWorker'

let host: EngineWorkerHost
beforeAll(async () => {
  host = await startEngineWorker(await bundleWorker(join(__dirname, '../../src/main/core/host/engineWorker.ts')))
}, 30_000)
afterAll(() => host.terminate())

describe('engine worker host', () => {
  it('routes calls to the engine in a worker thread', async () => {
    const [clientEnd, serverEnd] = createTransportPair()
    host.attach(serverEnd)
    const api = createClient(clientEnd, { engine })
    const info = await api.engine.getInfo()
    expect(info.isWorkerThread).toBe(true)
    clientEnd.close()
  })

  it('forgets a connection when its transport closes', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const before = host.connectionCount
    const [clientEnd, serverEnd] = createTransportPair()
    host.attach(serverEnd)
    const api = createClient(clientEnd, { engine })
    await api.engine.getInfo()
    expect(host.connectionCount).toBe(before + 1)
    clientEnd.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(host.connectionCount).toBe(before)
  })

  it('deletes the temporary user-data folder it made (no folder given) when the worker exits', async () => {
    const own = await startEngineWorker(await bundleWorker(join(__dirname, '../../src/main/core/host/engineWorker.ts')))
    const dir = own.temporaryDataDir!
    expect(existsSync(dir)).toBe(true)
    await own.terminate()
    expect(existsSync(dir)).toBe(false)
    expect(host.temporaryDataDir).toBeDefined()
  }, 30_000)

  it('keeps a user-data folder it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-given-'))
    const own = await startEngineWorker(await bundleWorker(join(__dirname, '../../src/main/core/host/engineWorker.ts')), { userDataDir: dir })
    expect(own.temporaryDataDir).toBeUndefined()
    await own.terminate()
    expect(existsSync(dir)).toBe(true)
    rmSync(dir, { recursive: true, force: true })
  }, 30_000)
})
