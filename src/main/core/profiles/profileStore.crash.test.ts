import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProfileStore } from './profileStore'
import { FileSecretCipher } from './secretCipher'
import { SASL_PASSWORD, SimulatedCrash, crashingFs, profileArgs, tempDir } from './testSupport'

const cipher = new FileSecretCipher()

async function seeded(): Promise<{ dir: string; ids: string[] }> {
  const dir = tempDir()
  const store = await ProfileStore.open(dir, cipher)
  const a = await store.create(profileArgs({ name: 'A' }))
  const b = await store.create(profileArgs({ name: 'B' }))
  return { dir, ids: [a.id, b.id] }
}

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'))

describe('ProfileStore crash safety', () => {
  for (const point of ['midWrite', 'beforeRename'] as const) {
    for (const onWrite of [1, 2]) {
      it(`keeps the previous profiles after a crash ${point} (atomic write ${onWrite}: ${onWrite === 1 ? 'secrets' : 'profiles'})`, async () => {
        const { dir, ids } = await seeded()
        const fs = crashingFs(point, onWrite)
        const store = await ProfileStore.open(dir, cipher, { fs })
        await expect(store.update(ids[0]!, profileArgs({ name: 'A2', sasl: { mechanism: 'PLAIN', username: 'x', password: 'new' } }))).rejects.toBeInstanceOf(SimulatedCrash)
        expect(fs.crashed()).toBe(true)
        expect(tempFiles(dir)).toHaveLength(1) // the "dead" process left its temp file behind

        const after = await ProfileStore.open(dir, cipher)
        expect(after.list().map((p) => p.name)).toEqual(['A', 'B'])
        expect(after.getWithSecrets(ids[1]!).sasl.password).toBe(SASL_PASSWORD)
        if (onWrite === 1) expect(after.getWithSecrets(ids[0]!).sasl.password).toBe(SASL_PASSWORD)
        expect(after.warnings.join(' ')).toMatch(/unfinished save/)
        expect(tempFiles(dir)).toEqual([])
      })
    }
  }

  it('leaves memory and disk unchanged when a write fails, and keeps working', async () => {
    const { dir } = await seeded()
    const fs = crashingFs('beforeRename', 2)
    const store = await ProfileStore.open(dir, cipher, { fs })
    await expect(store.create(profileArgs({ name: 'C' }))).rejects.toThrow()
    expect(store.list().map((p) => p.name)).toEqual(['A', 'B'])
  })

  it('ignores leftover temp files on start', async () => {
    const { dir } = await seeded()
    writeFileSync(join(dir, '.profiles.json.abc123.tmp'), '{"version":1,"profi')
    const store = await ProfileStore.open(dir, cipher)
    expect(store.list().map((p) => p.name)).toEqual(['A', 'B'])
    expect(tempFiles(dir)).toEqual([])
  })
})
