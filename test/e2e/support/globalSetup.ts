import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import servicesSetup from '../../support/globalSetup'

const root = join(__dirname, '../../..')

/** The e2e tests drive the built app: build it once, and have the test services up. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  })
  return servicesSetup(project)
}
