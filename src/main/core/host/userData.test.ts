import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openUserData } from './userData'
import { makeTempDir } from '../../../../test/support/tempDirs'

describe('openUserData', () => {
  it('opens the profile store in the given folder', async () => {
    const dir = makeTempDir('tt-ud-')
    const data = await openUserData({ userDataDir: dir })
    expect(data.dir).toBe(dir)
    expect(data.profiles.warnings).toEqual([])
  })

  it('starts in a temporary folder, and says so, when the folder cannot be written', async () => {
    const parent = makeTempDir('tt-ud-')
    const blocked = join(parent, 'file-not-folder')
    writeFileSync(blocked, 'x')
    chmodSync(blocked, 0o400)
    const data = await openUserData({ userDataDir: join(blocked, 'sub') })
    onTestFinished(() => rmSync(data.dir, { recursive: true, force: true }))
    expect(data.temporary).toBe(true)
    expect(data.dir).not.toContain(blocked)
    expect(data.profiles.warnings.join(' ')).toMatch(/cannot be written .* for this run only/)
    const saved = await data.profiles.save({ name: 'x', bootstrapServers: 'h:1', securityProtocol: 'PLAINTEXT', sasl: { mechanism: 'PLAIN', username: '' }, tls: { verifyHostname: true }, registry: { auth: { kind: 'none' } }, extraProperties: [] })
    expect(data.profiles.get(saved.id).name).toBe('x')
  })
})
