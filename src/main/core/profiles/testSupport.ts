import type { SaveProfileArgs } from '../../../shared/model/profiles'
import { nodeFs, type FsLayer } from './fsLayer'
import { makeTempDir } from '../../../../test/support/tempDirs'

/** Test helpers for the profile store's unit tests. Not used by production code. */

export const SASL_PASSWORD = 'pa"ss\\word-SASL-7f3a'
export const REGISTRY_PASSWORD = 'registry-secret-91c2'
export const KEY_PEM_MARKER = 'PRIVATE-KEY-MARKER-55e1'

export function tempDir(): string {
  return makeTempDir('profiles-test-')
}

export function profileArgs(overrides: Partial<SaveProfileArgs> = {}): SaveProfileArgs {
  return {
    name: 'Local SASL',
    bootstrapServers: 'localhost:9094',
    securityProtocol: 'SASL_SSL',
    sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password: SASL_PASSWORD },
    tls: { verifyHostname: true, clientKeyPem: `-----BEGIN PRIVATE KEY-----\n${KEY_PEM_MARKER}\n-----END PRIVATE KEY-----\n` },
    registry: { url: 'http://localhost:8081', auth: { kind: 'basic', username: 'reg', password: REGISTRY_PASSWORD } },
    extraProperties: [{ key: 'client.id', value: 'tt' }],
    groupIdPrefix: 'tt-',
    ...overrides
  }
}

export class SimulatedCrash extends Error {}

/**
 * A file layer that "crashes" at a chosen point of the Nth atomic write: after writing half the temp
 * file, or just before the rename. Once crashed, every operation fails, as if the process had died
 * (so nothing gets cleaned up).
 */
export function crashingFs(point: 'midWrite' | 'beforeRename', onWrite = 1): FsLayer & { crashed: () => boolean } {
  let writes = 0
  let crashed = false
  const dead = (): never => {
    crashed = true
    throw new SimulatedCrash('simulated crash')
  }
  const alive = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A): Promise<R> => (crashed ? Promise.reject(new SimulatedCrash('dead')) : f(...a))
  return {
    crashed: () => crashed,
    mkdir: alive(nodeFs.mkdir),
    readFile: alive(nodeFs.readFile),
    readdir: alive(nodeFs.readdir),
    unlink: alive(nodeFs.unlink),
    syncDir: alive(nodeFs.syncDir),
    create: alive(async (path: string, mode: number) => {
      const handle = await nodeFs.create(path, mode)
      const n = ++writes
      return {
        async write(data: Uint8Array, offset: number, length: number, position: number) {
          if (crashed) dead()
          if (point === 'midWrite' && n === onWrite) {
            const half = Math.floor(length / 2)
            await handle.write(data, offset, half, position)
            await handle.close()
            dead()
          }
          return handle.write(data, offset, length, position)
        },
        sync: () => (crashed ? Promise.reject(new SimulatedCrash('dead')) : handle.sync()),
        close: () => (crashed ? Promise.resolve() : handle.close())
      }
    }),
    rename: alive(async (from: string, to: string) => {
      if (point === 'beforeRename' && writes === onWrite) dead()
      return nodeFs.rename(from, to)
    })
  }
}
