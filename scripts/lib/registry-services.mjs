// Test schema registry for Topic Tables: a real Apicurio Registry 3.x (Confluent-compatible API at
// /apis/ccompat/v7, in-memory H2 storage) run from its Maven Central `-all.tar.gz` Quarkus app, plus a
// tiny authenticating Node proxy in front of it (registry-auth-proxy.mjs). Started by kafka-services.mjs
// `up` after the broker and recorded in the same state file (`registry` section); stopped in `down`.
// Recipe: shared/reference/real-kafka.md §4. Plain Node ESM, Node builtins only.
//
// Env:
//   APICURIO_VERSION          Apicurio version (default 3.3.3; 3.2+ needs Java ≥ 21, else 3.0.9 on Java 17)
//   JAVA21_HOME               a JDK ≥ 21 for Apicurio ≥ 3.2 (else /usr/lib/jvm/*temurin*, else update-alternatives)
//   REGISTRY_URL              use this registry (its Confluent API base URL) instead of starting Apicurio
//   TOPIC_TABLES_NO_REGISTRY  1 = no registry at all (state `registry: null`)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CACHE_DIR, REPO_ROOT, checkJava, checkMaven, freePorts, javaCommand, run } from './kafka-services.mjs'
import { logTail, versionDir } from './files.mjs'
import { isOurProcess, sleep, terminate } from './proc.mjs'

export const DEFAULT_APICURIO_VERSION = '3.3.3'
/** The newest served Apicurio that still runs on Java 17. */
export const FALLBACK_APICURIO_VERSION = '3.0.9'
export const CCOMPAT_PATH = '/apis/ccompat/v7'
export const PROXY_USER = 'registry-user'
export const PROXY_PASSWORD = 'registry-secret'
export const PROXY_TOKEN = 'registry-token'
const WORK_DIR_PREFIX = 'topic-tables-registry-'
const READY_TIMEOUT_MS = 90_000
const LIB_DIR = path.dirname(fileURLToPath(import.meta.url))
const PROXY_SCRIPT = path.join(LIB_DIR, 'registry-auth-proxy.mjs')
const WATCHDOG = path.join(LIB_DIR, 'watchdog.mjs')
// In Apicurio's JVM argv (a -D property naming its work dir), so `down` and the watchdog recognise it.
const APICURIO_MARKER = '-Dtopic-tables.registry.workdir='
const PROXY_MARKER = 'registry-auth-proxy.mjs'

const defaultLog = (msg) => process.stderr.write(`[services] ${msg}\n`)
const truthy = (v) => v !== undefined && v !== '' && !['0', 'false', 'no'].includes(String(v).toLowerCase())

// ---------------------------------------------------------------------------------------------
// environment

/** False when $TOPIC_TABLES_NO_REGISTRY is set (1/true/yes). */
export function registryWanted() {
  return !truthy(process.env.TOPIC_TABLES_NO_REGISTRY?.trim())
}

/** $REGISTRY_URL (trailing slashes removed), or undefined. */
export function externalRegistryUrl() {
  const url = process.env.REGISTRY_URL?.trim()
  return url ? url.replace(/\/+$/, '') : undefined
}

export function apicurioVersion() {
  return process.env.APICURIO_VERSION?.trim() || DEFAULT_APICURIO_VERSION
}

/** Apicurio 3.2.0 and later are built for Java 21 (real-kafka.md §4). */
export function needsJava21(version) {
  const [major, minor] = version.split('.').map((n) => Number.parseInt(n, 10))
  return major > 3 || (major === 3 && minor >= 2)
}

export function apicurioCacheDir(version) {
  return versionDir(CACHE_DIR, 'apicurio', 'Apicurio', version)
}

export function apicurioAppDir(version) {
  return path.join(apicurioCacheDir(version), 'app')
}

function markerFile(version) {
  return path.join(apicurioCacheDir(version), 'app.complete.json')
}

/**
 * The app's launcher jar: `quarkus-run.jar` (Quarkus fast-jar, Apicurio 3.1+) or `*-runner.jar`
 * (legacy/uber layout, Apicurio 3.0.x and 2.x). Null when there is none.
 */
export function apicurioJar(appDir) {
  try {
    const names = fs.readdirSync(appDir)
    const jar = names.includes('quarkus-run.jar') ? 'quarkus-run.jar' : names.find((n) => n.endsWith('-runner.jar'))
    return jar ? path.join(appDir, jar) : null
  } catch {
    return null
  }
}

export function isApicurioFetched(version) {
  try {
    const marker = JSON.parse(fs.readFileSync(markerFile(version), 'utf8'))
    return marker.version === version && apicurioJar(apicurioAppDir(version)) !== null
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Java

async function javaInfo(cmd) {
  const r = await run(cmd, ['-version'])
  if (r.code !== 0) return null
  const m = /version "([^"]+)"/.exec(r.stderr + r.stdout)
  if (!m) return null
  const parts = m[1].split(/[.+-]/)
  const major = Number(parts[0] === '1' ? parts[1] : parts[0])
  return Number.isFinite(major) ? { cmd, major, version: m[1] } : null
}

/**
 * A Java ≥ 21 for Apicurio ≥ 3.2: $JAVA21_HOME, else /usr/lib/jvm/*temurin*, else the entries of
 * `update-alternatives --list java`, else the Kafka harness's own java. Returns
 * { cmd, major, version, source } or null.
 */
export async function findJava21() {
  const candidates = []
  const env = process.env.JAVA21_HOME?.trim()
  if (env) candidates.push({ cmd: path.join(env, 'bin', 'java'), source: 'JAVA21_HOME' })
  try {
    for (const name of fs.readdirSync('/usr/lib/jvm').sort().reverse()) {
      if (/temurin/i.test(name)) candidates.push({ cmd: path.join('/usr/lib/jvm', name, 'bin', 'java'), source: '/usr/lib/jvm' })
    }
  } catch {
    /* no /usr/lib/jvm */
  }
  const alt = await run('update-alternatives', ['--list', 'java'])
  if (alt.code === 0) {
    for (const line of alt.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
      candidates.push({ cmd: line, source: 'update-alternatives' })
    }
  }
  candidates.push({ cmd: javaCommand(), source: 'JAVA_HOME/PATH' })
  const seen = new Set()
  for (const c of candidates) {
    if (seen.has(c.cmd)) continue
    seen.add(c.cmd)
    if (c.cmd.includes(path.sep) && !fs.existsSync(c.cmd)) {
      if (c.source === 'JAVA21_HOME') defaultLog(`JAVA21_HOME=${env}: ${c.cmd} does not exist; ignoring it`)
      continue
    }
    const info = await javaInfo(c.cmd)
    if (info && info.major >= 21) return { ...info, source: c.source }
    if (c.source === 'JAVA21_HOME') defaultLog(`JAVA21_HOME=${env} is ${info ? `Java ${info.version}` : 'not a working JDK'}; ignoring it`)
  }
  return null
}

/**
 * Which Apicurio to run and with which java: $APICURIO_VERSION (default 3.3.3) on a Java ≥ 21 when it
 * needs one; without such a Java, Apicurio 3.0.9 on the harness's Java 17 (logged).
 * Returns { version, java: { cmd, major, version }, fellBack }.
 */
export async function resolveApicurio({ version = apicurioVersion(), log = defaultLog } = {}) {
  if (needsJava21(version)) {
    const j21 = await findJava21()
    if (j21) return { version, java: j21, fellBack: false }
    log(
      `Apicurio ${version} needs Java ≥ 21, but none was found (JAVA21_HOME, /usr/lib/jvm/*temurin*, update-alternatives);` +
        ` falling back to Apicurio ${FALLBACK_APICURIO_VERSION} on Java 17`
    )
    version = FALLBACK_APICURIO_VERSION
    const j = await checkJava()
    if (!j.ok) throw new Error(j.message)
    return { version, java: { cmd: j.cmd, major: j.major, version: j.version }, fellBack: true }
  }
  const j = await checkJava()
  if (!j.ok) throw new Error(j.message)
  return { version, java: { cmd: j.cmd, major: j.major, version: j.version }, fellBack: false }
}

// ---------------------------------------------------------------------------------------------
// fetch

/**
 * Downloads io.apicurio:apicurio-registry-app:<version>:tar.gz:all with Maven's dependency plugin
 * into .cache/apicurio/<version>/ and unpacks it once into app/ (marker app.complete.json). The
 * tarball is deleted after unpacking (Maven keeps a copy in ~/.m2). Returns
 * { appDir, fetched, ms, bytes, downloadMs, extractMs }.
 */
export async function fetchApicurio(version = apicurioVersion(), { log = defaultLog } = {}) {
  const appDir = apicurioAppDir(version)
  if (isApicurioFetched(version)) return { appDir, fetched: false, ms: 0, bytes: 0, downloadMs: 0, extractMs: 0 }
  const mvn = await checkMaven()
  if (!mvn.ok) throw new Error(mvn.message.replace('the Kafka jars', 'the Kafka jars and Apicurio Registry'))
  const dir = apicurioCacheDir(version)
  await fsp.mkdir(dir, { recursive: true })
  const started = Date.now()
  const tmp = path.join(dir, `download.tmp-${process.pid}-${Date.now()}`)
  const artifact = `io.apicurio:apicurio-registry-app:${version}:tar.gz:all`
  log(`fetching Apicurio Registry ${version} (${artifact}) from Maven Central into ${path.relative(REPO_ROOT, dir)} ...`)
  try {
    const copy = (plugin) =>
      run('mvn', ['-B', '-q', `org.apache.maven.plugins:maven-dependency-plugin:${plugin}:copy`, `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`])
    let r = await copy('3.8.1')
    const tarball = path.join(tmp, `apicurio-registry-app-${version}-all.tar.gz`)
    if (r.code !== 0 && /Failed to read artifact descriptor/.test(r.stdout + r.stderr)) {
      // 3.x of the plugin reads the artifact's POM and its parents; Apicurio 3.0.9's parent POM
      // (io.apicurio:apicurio-registry:pom:3.0.9) is not on the mirror. Plugin 2.10 copies the artifact
      // without reading its POM.
      log(`Maven cannot read the POM chain of ${artifact}; retrying with maven-dependency-plugin 2.10, which does not need it`)
      r = await copy('2.10')
    }
    if (r.code !== 0 || !fs.existsSync(tarball)) {
      throw new Error(
        `fetching Apicurio Registry ${version} failed (mvn exit ${r.code}). Is ${version} a released Apicurio version?\n` +
          `${r.stdout}${r.stderr}`.trim().split('\n').slice(-30).join('\n')
      )
    }
    const downloadMs = Date.now() - started
    const bytes = fs.statSync(tarball).size
    const t = Date.now()
    const unpacked = path.join(tmp, 'app')
    await fsp.mkdir(unpacked)
    const tar = await run('tar', ['-xzf', tarball, '-C', unpacked])
    if (tar.code !== 0 || apicurioJar(unpacked) === null) {
      throw new Error(`unpacking ${path.basename(tarball)} failed (tar exit ${tar.code}): ${tar.stderr.trim() || 'no quarkus-run.jar or *-runner.jar inside'}`)
    }
    const extractMs = Date.now() - t
    if (isApicurioFetched(version)) return { appDir, fetched: false, ms: Date.now() - started, bytes, downloadMs, extractMs }
    fs.rmSync(appDir, { recursive: true, force: true })
    fs.renameSync(unpacked, appDir)
    const ms = Date.now() - started
    const marker = { version, artifact, bytes, downloadMs, extractMs, fetchedAt: new Date().toISOString() }
    fs.writeFileSync(markerFile(version), JSON.stringify(marker, null, 2) + '\n')
    log(`fetched Apicurio Registry ${version}: ${(bytes / 1e6).toFixed(1)} MB in ${downloadMs} ms, unpacked in ${extractMs} ms`)
    return { appDir, fetched: true, ms, bytes, downloadMs, extractMs }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// readiness

/**
 * Polls `GET <url>/subjects` until it answers 200. Throws on timeout or when `alive()` says no.
 * `headers` e.g. an Authorization header for the proxy.
 */
export async function waitForRegistry(url, { timeoutMs = READY_TIMEOUT_MS, alive = () => true, headers = {} } = {}) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the registry process exited during startup (${last})`)
    try {
      const res = await fetch(`${url}/subjects`, { headers, signal: globalThis.AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status === 200) return
      last = `HTTP ${res.status}`
    } catch (err) {
      last = err.cause?.code ?? err.message
    }
    await sleep(200)
  }
  throw new Error(`schema registry at ${url} not ready after ${timeoutMs} ms (last: ${last})`)
}

/**
 * Sets the global compatibility level through the Confluent API (PUT /config). Apicurio 3.1+ already
 * has it from -Dapicurio.rules.global.compatibility; 3.0.x ignores that property and would stay at NONE.
 */
async function setGlobalCompatibility(url, level) {
  const res = await fetch(`${url}/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ compatibility: level }),
    signal: globalThis.AbortSignal.timeout(10_000)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`setting the registry's global compatibility to ${level} failed: HTTP ${res.status} ${text}`)
}

// ---------------------------------------------------------------------------------------------
// processes

function apicurioMarker(registry) {
  return [`${APICURIO_MARKER}${registry.workDir}`]
}

function proxyMarker(registry) {
  return [PROXY_MARKER, String(new URL(registry.proxyUrl).port)]
}

/** Whether the registry processes of a state's `registry` section are (still) there. External ones are assumed up. */
export function registryIsRunning(registry) {
  if (!registry) return false
  const proxyUp = registry.proxyPid ? isOurProcess(registry.proxyPid, proxyMarker(registry)) : true
  if (registry.kind === 'external') return proxyUp
  return proxyUp && isOurProcess(registry.pid, apicurioMarker(registry))
}

function spawnWatchdog(ownerPid, pid, workDir, stateFile, markers) {
  const wd = spawn(process.execPath, [WATCHDOG, String(ownerPid), String(pid), workDir, stateFile, ...markers], {
    detached: true,
    stdio: 'ignore'
  })
  wd.unref()
  return wd.pid
}

async function startApicurio({ java, appDir, workDir, log }) {
  const jar = apicurioJar(appDir)
  if (!jar) throw new Error(`no quarkus-run.jar or *-runner.jar in ${appDir}; delete ${path.dirname(appDir)} to fetch it again`)
  const [httpPort, mgmtPort] = await freePorts(2)
  const logFile = path.join(workDir, 'apicurio.log')
  const logFd = fs.openSync(logFile, 'a')
  const started = Date.now()
  const child = spawn(
    java.cmd,
    [
      '-Xms64m',
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `${APICURIO_MARKER}${workDir}`,
      '-Dquarkus.http.host=127.0.0.1',
      `-Dquarkus.http.port=${httpPort}`,
      '-Dquarkus.management.host=127.0.0.1',
      `-Dquarkus.management.port=${mgmtPort}`,
      // Confluent's default; Apicurio's is NONE. 3.0.x ignores this property: see setGlobalCompatibility.
      '-Dapicurio.rules.global.compatibility=BACKWARD',
      '-Dquarkus.log.console.color=false',
      '-jar',
      jar
    ],
    { cwd: workDir, detached: true, stdio: ['ignore', logFd, logFd] }
  )
  fs.closeSync(logFd)
  let exited = false
  child.on('exit', () => (exited = true))
  child.on('error', () => (exited = true))
  child.unref()
  const url = `http://127.0.0.1:${httpPort}${CCOMPAT_PATH}`
  const marker = [`${APICURIO_MARKER}${workDir}`]
  try {
    await waitForRegistry(url, { alive: () => !exited && isOurProcess(child.pid, marker) })
    await setGlobalCompatibility(url, 'BACKWARD')
  } catch (err) {
    const tail = logTail(logFile)
    await terminate(child.pid, marker, { graceMs: 5000, log })
    err.registryLog = tail
    err.bindFailure = /BindException|Address already in use|Port [0-9]+ seems to be in use/i.test(tail)
    throw err
  }
  return { pid: child.pid, url, logFile, httpPort, mgmtPort, startupMs: Date.now() - started }
}

async function startProxy({ target, workDir, log }) {
  const [port] = await freePorts(1)
  const logFile = path.join(workDir, 'auth-proxy.log')
  const logFd = fs.openSync(logFile, 'a')
  const origin = new URL(target)
  // The proxy forwards paths unchanged to the target's origin; its own URL gets the same path as the target's.
  const child = spawn(process.execPath, [PROXY_SCRIPT, String(port), origin.origin, PROXY_USER, PROXY_PASSWORD, PROXY_TOKEN], {
    cwd: workDir,
    detached: true,
    stdio: ['ignore', logFd, logFd]
  })
  fs.closeSync(logFd)
  let exited = false
  child.on('exit', () => (exited = true))
  child.on('error', () => (exited = true))
  child.unref()
  const proxyUrl = `http://127.0.0.1:${port}${origin.pathname.replace(/\/+$/, '')}`
  const marker = [PROXY_MARKER, String(port)]
  const basic = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`
  try {
    await waitForRegistry(proxyUrl, { timeoutMs: 15_000, alive: () => !exited && isOurProcess(child.pid, marker), headers: { authorization: basic } })
  } catch (err) {
    await terminate(child.pid, marker, { graceMs: 2000, log })
    err.message += `\nauth proxy log:\n${logTail(logFile, 20)}`
    err.bindFailure = /EADDRINUSE/.test(err.message)
    throw err
  }
  return { pid: child.pid, proxyUrl, logFile }
}

/**
 * Starts the test registry unless $TOPIC_TABLES_NO_REGISTRY: Apicurio (or $REGISTRY_URL) plus the
 * authenticating proxy. With `ownerPid`, a watchdog per process stops it when the owner dies.
 * Returns the state file's `registry` section, or null when skipped.
 */
export async function startRegistry({ ownerPid, stateFile, log = defaultLog } = {}) {
  if (!registryWanted()) {
    log('TOPIC_TABLES_NO_REGISTRY is set: no schema registry')
    return null
  }
  const workDir = await fsp.mkdtemp(path.join(os.tmpdir(), WORK_DIR_PREFIX))
  const registry = {
    kind: 'local',
    pid: null,
    url: null,
    proxyPid: null,
    proxyUrl: null,
    proxyUser: PROXY_USER,
    proxyPassword: PROXY_PASSWORD,
    proxyToken: PROXY_TOKEN,
    version: null,
    javaVersion: null,
    logFile: null,
    proxyLogFile: null,
    workDir,
    watchdogPids: [],
    timings: null
  }
  try {
    const external = externalRegistryUrl()
    if (external) {
      log(`REGISTRY_URL is set: using the existing schema registry at ${external}`)
      await waitForRegistry(external, { timeoutMs: 30_000 })
      Object.assign(registry, { kind: 'external', url: external, version: 'external' })
    } else {
      const choice = await resolveApicurio({ log })
      const fetched = await fetchApicurio(choice.version, { log })
      let apicurio
      for (let attempt = 1; ; attempt++) {
        try {
          apicurio = await startApicurio({ java: choice.java, appDir: fetched.appDir, workDir, log })
          break
        } catch (err) {
          if (err.bindFailure && attempt < 3) {
            log(`port clash while starting Apicurio ${choice.version}; retrying with new ports (attempt ${attempt + 1})`)
            continue
          }
          if (err.registryLog) log(`Apicurio Registry ${choice.version} failed to start. Log tail:\n${err.registryLog}`)
          throw err
        }
      }
      Object.assign(registry, {
        pid: apicurio.pid,
        url: apicurio.url,
        version: choice.version,
        javaVersion: choice.java.version,
        logFile: apicurio.logFile,
        timings: { fetchMs: fetched.ms, startupMs: apicurio.startupMs }
      })
      log(
        `Apicurio Registry ${choice.version} (Java ${choice.java.version}${choice.fellBack ? ', Java-17 fallback' : ''}) up:` +
          ` pid ${apicurio.pid}, ${apicurio.url} (startup ${apicurio.startupMs} ms)`
      )
    }
    let proxy
    for (let attempt = 1; ; attempt++) {
      try {
        proxy = await startProxy({ target: registry.url, workDir, log })
        break
      } catch (err) {
        if (err.bindFailure && attempt < 3) continue
        throw err
      }
    }
    Object.assign(registry, { proxyPid: proxy.pid, proxyUrl: proxy.proxyUrl, proxyLogFile: proxy.logFile })
    log(`registry auth proxy up: pid ${proxy.pid}, ${proxy.proxyUrl} (basic ${PROXY_USER}, bearer token)`)
    if (ownerPid && stateFile) {
      if (registry.pid) registry.watchdogPids.push(spawnWatchdog(ownerPid, registry.pid, workDir, stateFile, apicurioMarker(registry)))
      registry.watchdogPids.push(spawnWatchdog(ownerPid, registry.proxyPid, workDir, stateFile, proxyMarker(registry)))
    }
    return registry
  } catch (err) {
    await stopRegistry(registry, { log: () => {} })
    throw err
  }
}

/** Stops the processes of a `registry` state section (watchdogs, proxy, Apicurio) and removes its work dir. */
export async function stopRegistry(registry, { log = defaultLog } = {}) {
  if (!registry) return 'none'
  for (const wd of registry.watchdogPids ?? []) {
    await terminate(wd, ['watchdog.mjs', registry.workDir], { graceMs: 2000 })
  }
  let proxyResult = 'none'
  if (registry.proxyPid) proxyResult = await terminate(registry.proxyPid, proxyMarker(registry), { graceMs: 3000, log })
  let result = registry.kind === 'external' ? 'external' : 'none'
  if (registry.pid) {
    const started = Date.now()
    result = await terminate(registry.pid, apicurioMarker(registry), { graceMs: 15_000, log })
    log(`Apicurio Registry ${registry.version} (pid ${registry.pid}): ${result} in ${Date.now() - started} ms; auth proxy: ${proxyResult}`)
  }
  if (registry.workDir && path.basename(registry.workDir).startsWith(WORK_DIR_PREFIX)) {
    fs.rmSync(registry.workDir, { recursive: true, force: true })
  }
  return result
}
