import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/ipc/errors'
import type { ProfileDto, SaveProfileArgs } from '../../../../shared/model/profiles'
import { useProfiles } from './useProfiles'

function dto(id: string, name: string): ProfileDto {
  return {
    id,
    name,
    bootstrapServers: 'k:9092',
    securityProtocol: 'PLAINTEXT',
    sasl: { mechanism: 'PLAIN', username: '', hasPassword: false },
    tls: { verifyHostname: true, hasClientKey: false, hasKeyPassword: false },
    registry: { auth: { kind: 'none' } },
    extraProperties: [],
    createdAt: '',
    updatedAt: '',
    missingSecrets: []
  }
}

function fakeApi() {
  let list: ProfileDto[] = [dto('a', 'A')]
  let next = 1
  const profiles = {
    listProfiles: async () => ({ profiles: list, secretStorage: 'in a file only your user can read', warnings: ['one entry skipped'] }),
    saveProfile: async (args: SaveProfileArgs) => {
      if (args.name === 'bad') throw new AppError('BAD_ARGS', 'name: bad')
      const saved = dto(args.id ?? `n${next++}`, args.name)
      list = [...list.filter((p) => p.id !== saved.id), saved]
      return saved
    },
    deleteProfile: async ({ id }: { id: string }) => {
      list = list.filter((p) => p.id !== id)
    }
  }
  return { profiles } as never
}

const args = (name: string): SaveProfileArgs => ({
  name,
  bootstrapServers: 'k:9092',
  securityProtocol: 'PLAINTEXT',
  sasl: { mechanism: 'PLAIN', username: '' },
  tls: { verifyHostname: true },
  registry: { auth: { kind: 'none' } },
  extraProperties: []
})

describe('useProfiles', () => {
  it('loads the list with how secrets are kept and the load warnings', async () => {
    const model = useProfiles(fakeApi())
    await model.load()
    expect(model.profiles.value.map((p) => p.name)).toEqual(['A'])
    expect(model.secretStorage.value).toContain('only your user')
    expect(model.warnings.value).toEqual(['one entry skipped'])
  })

  it('selects a saved profile, forgets a deleted one, and shows a failure instead of throwing', async () => {
    const model = useProfiles(fakeApi())
    await model.load()
    const saved = await model.save(args('B'))
    expect(model.selectedId.value).toBe(saved?.id)
    expect(model.selected.value?.name).toBe('B')
    await model.remove(saved?.id ?? '')
    expect(model.selectedId.value).toBeNull()
    expect(await model.save(args('bad'))).toBeUndefined()
    expect(model.error.value).toBe('name: bad')
    expect(model.busy.value).toBeNull()
  })
})
