import { describe, expect, it } from 'vitest'
import { profiles } from '../../../shared/contracts/profiles'
import { ProfileStore } from '../profiles/profileStore'
import { FileSecretCipher } from '../profiles/secretCipher'
import { SASL_PASSWORD, profileArgs, tempDir } from '../profiles/testSupport'
import { ProfilesService } from './profilesService'

describe('ProfilesService', () => {
  it('implements the profiles contract with results that match its schemas and hold no secrets', async () => {
    const service = new ProfilesService(await ProfileStore.open(tempDir(), new FileSecretCipher()))
    const m = profiles.members
    const saved = m.saveProfile.result.parse(await service.saveProfile(m.saveProfile.args.parse(profileArgs())))
    const copy = m.duplicateProfile.result.parse(await service.duplicateProfile({ id: saved.id }))
    const list = m.listProfiles.result.parse(service.listProfiles())
    expect(list.profiles.map((p) => p.id)).toEqual([saved.id, copy.id])
    expect(list.secretStorage).toMatch(/only your user can read/)
    expect(m.getProfile.result.parse(service.getProfile({ id: copy.id })).name).toBe('Local SASL (copy)')
    const exported = m.exportProfiles.result.parse(service.exportProfiles({}))
    const report = m.importProfiles.result.parse(await service.importProfiles({ json: exported.json }))
    expect(report.needCredentials).toEqual(['Local SASL', 'Local SASL (copy)'])
    await service.deleteProfile({ id: saved.id })
    expect(service.listProfiles().profiles).toHaveLength(3)
    expect(JSON.stringify([list, exported, report])).not.toContain(SASL_PASSWORD)
  })

  it('tells its owner when a profile is deleted (presets go with it)', async () => {
    const deleted: string[] = []
    const store = await ProfileStore.open(tempDir(), new FileSecretCipher())
    const service = new ProfilesService(store, {}, async (id) => void deleted.push(id))
    const saved = await service.saveProfile(profileArgs())
    await service.deleteProfile({ id: saved.id })
    expect(deleted).toEqual([saved.id])
  })
})
