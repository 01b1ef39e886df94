// The installer configuration, checked without building installers (these machines cannot download the Electron
// binary; the release workflow builds them): electron-builder.yml is loaded and validated by electron-builder's
// own loader and schema validator, the app files it packs are what electron-vite builds, the icons are there,
// and the release workflow builds on all three OSes.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { engine } from '../../src/shared/contracts/engine'
import { tables } from '../../src/shared/contracts/tables'
import { createClient } from '../../src/shared/ipc/client'
import { createWebSocketClientTransport } from '../../src/shared/ipc/webSocketClientTransport'
import { makeTempDir } from '../support/tempDirs'

const root = join(__dirname, '../..')
const requireHere = createRequire(import.meta.url)
// electron-builder's internals, from where electron-builder installed them: its config loader and validator
// (ajv against app-builder-lib/scheme.json) and the YAML parser it reads electron-builder.yml with.
const appBuilderLib = dirname(requireHere.resolve('app-builder-lib/package.json'))
const requireAppBuilder = createRequire(join(appBuilderLib, 'package.json'))

type Config = Record<string, unknown> & {
  files?: unknown
  linux?: Record<string, unknown>
  mac?: Record<string, unknown>
  win?: Record<string, unknown>
  nsis?: Record<string, unknown>
  directories?: Record<string, unknown>
}
const { getConfig, validateConfiguration } = requireAppBuilder('./out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: object | null): Promise<Config>
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>
}
const yaml = requireAppBuilder('js-yaml') as { load(text: string): unknown }
const noDebug = { isEnabled: false, add: () => {} }

const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'))
const readYaml = (file: string) => yaml.load(readFileSync(join(root, file), 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = readJson('package.json')
const rawConfig = readYaml('electron-builder.yml')

/** Target names of a platform's `target` option (strings or { target, arch } objects). */
function targetNames(platform: Record<string, unknown> | undefined): string[] {
  const targets = platform?.target
  const list = Array.isArray(targets) ? targets : [targets]
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target))
}

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(join(root, file))
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('electron-builder configuration', () => {
  it('is the file electron-builder loads, and its own schema validation accepts it', async () => {
    const config = await getConfig(root, null, null)
    expect(config.appId).toBe('dev.topictables.app')
    await expect(validateConfiguration(config, noDebug)).resolves.toBeUndefined()
  })

  it('the validator is real: a misspelled option or a wrong type is rejected', async () => {
    const config = await getConfig(root, null, null)
    const misspelt = { ...config, nsis: { ...config.nsis, oneClik: false } }
    await expect(validateConfiguration(misspelt, noDebug)).rejects.toThrow(/Invalid configuration object/)
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClick: 'sometimes' } }, noDebug)).rejects.toThrow(/nsis/)
  })

  it('builds AppImage and deb on Linux, dmg on macOS and a per-user NSIS installer on Windows', () => {
    expect(targetNames(rawConfig.linux).sort()).toEqual(['AppImage', 'deb'])
    expect(targetNames(rawConfig.mac)).toEqual(['dmg'])
    expect(targetNames(rawConfig.win)).toEqual(['nsis'])
    expect(rawConfig.nsis).toMatchObject({ oneClick: false, perMachine: false })
    expect(rawConfig.productName).toBe('Topic Tables')
  })

  it('has what the deb needs: a maintainer, a description and the Development category', () => {
    expect(rawConfig.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect(rawConfig.linux.category).toBe('Development')
    expect(rawConfig.linux.description ?? pkg.description).toBeTruthy()
  })

  it('packs only out/** and package.json, in an asar', () => {
    expect(rawConfig.files).toEqual(['out/**', 'package.json'])
    expect(rawConfig.asar).toBe(true)
    expect(rawConfig.directories).toMatchObject({ output: 'dist', buildResources: 'build' })
  })

  it('has the icons, at their sizes, and the macOS entitlements', () => {
    expect(pngSize(rawConfig.mac.icon)).toEqual({ width: 512, height: 512 })
    expect(pngSize(rawConfig.win.icon)).toEqual({ width: 512, height: 512 })
    expect(rawConfig.linux.icon).toBe('build/icons')
    expect(pngSize('build/icons/512x512.png')).toEqual({ width: 512, height: 512 })
    expect(pngSize('build/icons/256x256.png')).toEqual({ width: 256, height: 256 })
    const entitlements = readFileSync(join(root, rawConfig.mac.entitlements), 'utf8')
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>')
  })

  it('has npm run dist and one script per OS', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
    expect(pkg.scripts['dist:linux']).toBe('electron-vite build && electron-builder --linux')
    expect(pkg.scripts['dist:mac']).toBe('electron-vite build && electron-builder --mac')
    expect(pkg.scripts['dist:win']).toBe('electron-vite build && electron-builder --win')
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('what electron-vite builds is what the installers pack', () => {
  let work: string
  let out: string

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'topic-tables-dist-'))
    out = join(work, 'out')
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'error'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 120_000
    })
  }, 150_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('package.json main points into out/ at the file the build writes, with the preload, renderer and engine worker next to it', () => {
    expect(pkg.main).toMatch(/^(\.\/)?out\//)
    const main = join(work, pkg.main)
    expect(statSync(main).isFile()).toBe(true)
    // the paths src/main resolves from __dirname at run time
    for (const file of ['engineWorker.js', '../preload/index.js', '../renderer/index.html']) expect(statSync(join(dirname(main), file)).isFile()).toBe(true)
  })

  it('every package the built main and preload code requires is a production dependency (electron-builder ships only those)', () => {
    const builtins = new Set(requireHere('node:module').builtinModules as string[])
    const required = new Set<string>()
    const scan = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) scan(path)
        else if (name.endsWith('.js')) for (const m of readFileSync(path, 'utf8').matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) required.add(m[1])
      }
    }
    scan(join(out, 'main'))
    scan(join(out, 'preload'))
    const packages = [...required]
      .filter((spec) => !spec.startsWith('node:') && !builtins.has(spec) && spec !== 'electron')
      .map((spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'))
    expect(packages).toContain('kafkajs')
    for (const name of new Set(packages)) expect(pkg.dependencies, `${name} is required at run time`).toHaveProperty([name])
  })

  // The suites start the browser host from source; this runs what `npm run serve` runs. (Bundling `ws` into it
  // once broke every call longer than 31 bytes: Vite's stub for ws's optional `bufferutil` has no `unmask`.)
  it('the built browser host (out/main/serve.js) serves the renderer and answers calls over its WebSocket', async () => {
    const userData = makeTempDir('topic-tables-serve-')
    const child = spawn(process.execPath, [join(out, 'main/serve.js')], {
      env: { ...process.env, NODE_PATH: join(root, 'node_modules'), TOPIC_TABLES_USER_DATA: userData, PORT: '', TOPIC_TABLES_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = ''
        child.stdout!.on('data', (d: Buffer) => {
          text += d.toString()
          const m = /serving at (\S+)/.exec(text)
          if (m) resolve(m[1])
        })
        child.stderr!.on('data', (d: Buffer) => (text += d.toString()))
        child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}: ${text}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app"')
      const transport = createWebSocketClientTransport(url.replace(/^http:/, 'ws:'), { WebSocket: WebSocket as never })
      const api = createClient(transport, { engine, tables })
      expect((await api.engine.getInfo()).isWorkerThread).toBe(true)
      await expect(api.tables.openTable({ properties: { 'bootstrap.servers': '127.0.0.1:1', 'no.such.property': 'x' }, topic: 't', keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'V', type: 'string' }, tableType: { kind: 'append' } })).rejects.toThrow(/no\.such\.property/)
      transport.close()
    } finally {
      child.kill('SIGTERM')
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve))
    }
  }, 30_000)
})

describe('release workflow', () => {
  const workflow = readYaml('.github/workflows/release.yml')
  const job = workflow.jobs.installers
  const steps = job.steps as Array<{ run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }>
  const runs = steps.map((s) => s.run ?? '')

  it('runs for version tags and by hand', () => {
    expect(workflow.on.push.tags).toContain('v*')
    expect(workflow.on).toHaveProperty('workflow_dispatch')
  })

  it('builds on Linux, macOS and Windows with Node 20', () => {
    const oses = (job.strategy.matrix.include as Array<{ os: string }>).map((m) => m.os)
    expect(oses.map((os) => os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows'])
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20)
  })

  it('installs with the Electron binary, typechecks, and runs npm run dist without publishing', () => {
    expect(runs.some((r) => /^npm ci\b/.test(r))).toBe(true)
    expect(JSON.stringify(workflow)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=')
    expect(runs).toContain('npm run typecheck')
    expect(runs).toContain('npm run dist -- --publish never')
    expect(runs.findIndex((r) => r.startsWith('npm ci'))).toBeLessThan(runs.indexOf('npm run dist -- --publish never'))
  })

  it('uploads the AppImage, deb, dmg and exe', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toBe('${{ matrix.artifacts }}')
    const artifacts = (job.strategy.matrix.include as Array<{ artifacts: string }>).map((m) => m.artifacts).join('\n')
    const output = rawConfig.directories.output
    for (const ext of ['AppImage', 'deb', 'dmg', 'exe']) expect(artifacts).toContain(`${output}/*.${ext}`)
  })
})
