import { describe, expect, it } from 'vitest'
import { presets } from '../../../shared/contracts/presets'
import { createClient } from '../../../shared/ipc/client'
import { isAppError } from '../../../shared/ipc/errors'
import { createTransportPair } from '../../../shared/ipc/memoryTransport'
import { RpcServer } from '../../../shared/ipc/server'
import { PresetStore } from '../presets/presetStore'
import { tempDir } from '../profiles/testSupport'
import { PresetsService } from './presetsService'

async function connect() {
  const server = new RpcServer({ validateOutputs: true })
  server.register(presets, new PresetsService(await PresetStore.open(tempDir()), (id) => id === 'p1'))
  const [clientEnd, serverEnd] = createTransportPair()
  server.attach(serverEnd)
  return createClient(clientEnd, { presets }).presets
}

const args = {
  properties: {},
  topic: 'orders',
  keySpec: { kind: 'ignore' as const },
  valueSpec: { kind: 'simple' as const, columnName: 'Value', type: 'string' as const },
  tableType: { kind: 'blink' as const }
}

describe('PresetsService', () => {
  it('saves, lists, renames and deletes over the contract', async () => {
    const api = await connect()
    const saved = await api.savePreset({ profileId: 'p1', name: 'Orders', args })
    expect(saved).toMatchObject({ profileId: 'p1', name: 'Orders', args })
    await api.renamePreset({ profileId: 'p1', id: saved.id, name: 'Orders live' })
    expect((await api.listPresets({ profileId: 'p1' })).presets.map((p) => p.name)).toEqual(['Orders live'])
    await api.deletePreset({ profileId: 'p1', id: saved.id })
    expect((await api.listPresets({ profileId: 'p1' })).presets).toEqual([])
  })

  it('needs an existing profile and a name', async () => {
    const api = await connect()
    await expect(api.savePreset({ profileId: 'ghost', name: 'x', args })).rejects.toSatisfy((e) => isAppError(e, 'PROFILE_NOT_FOUND'))
    await expect(api.savePreset({ profileId: 'p1', name: '  ', args })).rejects.toSatisfy((e) => isAppError(e, 'BAD_ARGS'))
  })
})
