import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../shared/ipc/errors'
import type { PresetArgs } from '../../../shared/model/presets'
import { SimulatedCrash, crashingFs, tempDir } from '../profiles/testSupport'
import { PRESETS_FILE, PresetStore } from './presetStore'

function args(topic = 'orders'): PresetArgs {
  return {
    properties: { 'client.id': 'tt', 'sasl.jaas.config': 'secret-jaas', 'ssl.key.password': 'pw' },
    topic,
    offsets: { '-1': -1 },
    keySpec: { kind: 'ignore' },
    valueSpec: { kind: 'json', columns: [{ name: 'Price', type: 'float64' }], mapping: { '/price': 'Price' } },
    tableType: { kind: 'append' }
  }
}

describe('PresetStore', () => {
  it('saves, lists (by name), renames and deletes presets per profile, and keeps them across a reopen', async () => {
    const dir = tempDir()
    const store = await PresetStore.open(dir)
    const b = await store.save({ profileId: 'p1', name: ' Orders B ', args: args('b') })
    const a = await store.save({ profileId: 'p1', name: 'Orders A', args: args('a') })
    await store.save({ profileId: 'p2', name: 'Other', args: args('c') })
    expect(b.name).toBe('Orders B')
    expect(store.list('p1').map((p) => p.name)).toEqual(['Orders A', 'Orders B'])

    const reopened = await PresetStore.open(dir)
    expect(reopened.list('p1')).toEqual(store.list('p1'))
    expect(reopened.list('p2').map((p) => p.args.topic)).toEqual(['c'])

    await reopened.rename('p1', a.id, 'Z orders')
    await reopened.delete('p1', b.id)
    expect((await PresetStore.open(dir)).list('p1').map((p) => p.name)).toEqual(['Z orders'])
  })

  it('never stores secret properties', async () => {
    const dir = tempDir()
    const store = await PresetStore.open(dir)
    const saved = await store.save({ profileId: 'p1', name: 'x', args: args() })
    expect(saved.args.properties).toEqual({ 'client.id': 'tt' })
    const text = readFileSync(join(dir, PRESETS_FILE), 'utf8')
    expect(text).not.toContain('secret-jaas')
    expect(text).not.toContain('ssl.key.password')
  })

  it('refuses a name clash unless told to overwrite, which keeps the id', async () => {
    const store = await PresetStore.open(tempDir())
    const first = await store.save({ profileId: 'p1', name: 'Orders', args: args('a') })
    await expect(store.save({ profileId: 'p1', name: 'orders', args: args('b') })).rejects.toSatisfy((e) => isAppError(e, 'PRESET_EXISTS'))
    const second = await store.save({ profileId: 'p1', name: 'Orders', args: args('b'), overwrite: true })
    expect(second.id).toBe(first.id)
    expect(store.list('p1').map((p) => p.args.topic)).toEqual(['b'])
    const other = await store.save({ profileId: 'p1', name: 'Other', args: args('c') })
    await expect(store.rename('p1', other.id, 'ORDERS')).rejects.toSatisfy((e) => isAppError(e, 'PRESET_EXISTS'))
  })

  it('says which preset is missing', async () => {
    const store = await PresetStore.open(tempDir())
    await expect(store.delete('p1', 'nope')).rejects.toSatisfy((e) => isAppError(e, 'PRESET_NOT_FOUND'))
    await expect(store.rename('p1', 'nope', 'x')).rejects.toSatisfy((e) => isAppError(e, 'PRESET_NOT_FOUND'))
  })

  for (const point of ['midWrite', 'beforeRename'] as const) {
    it(`keeps the previous presets after a crash ${point} and removes the leftover temp file`, async () => {
      const dir = tempDir()
      await (await PresetStore.open(dir)).save({ profileId: 'p1', name: 'Kept', args: args() })
      const fs = crashingFs(point)
      const store = await PresetStore.open(dir, fs)
      await expect(store.save({ profileId: 'p1', name: 'Lost', args: args() })).rejects.toBeInstanceOf(SimulatedCrash)
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1)

      const after = await PresetStore.open(dir)
      expect(after.list('p1').map((p) => p.name)).toEqual(['Kept'])
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    })
  }

  it('starts empty with a warning when the file is not a presets file, and replaces it on save', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, PRESETS_FILE), '{ not json')
    const store = await PresetStore.open(dir)
    expect(store.list('p1')).toEqual([])
    expect(store.warning).toMatch(/not valid JSON/)
    await store.save({ profileId: 'p1', name: 'x', args: args() })
    expect((await PresetStore.open(dir)).warning).toBeNull()
  })
})
