// Test services for Topic Tables: a real Apache Kafka 4.x KRaft broker run from Maven Central jars.
// Used by scripts/services.mjs, scripts/test.mjs, scripts/with-services.mjs and
// test/support/globalSetup.ts. Plain Node ESM: Node builtins + kafkajs only.
// Recipe: shared/reference/real-kafka.md §1–§3, §5.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import kafkajs from 'kafkajs'
import { logTail, versionDir } from './files.mjs'
import { isOurProcess, sleep, terminate } from './proc.mjs'

const { Kafka, logLevel } = kafkajs

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEFAULT_KAFKA_VERSION = '4.4.0'
export const CACHE_DIR = path.join(REPO_ROOT, '.cache')
export const DEFAULT_STATE_FILE = path.join(CACHE_DIR, 'services.json')
export const STATE_SCHEMA = 1
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']
export const SASL_USERS = [{ username: 'alice', password: 'alice-secret' }]
export const CLIENT_LISTENERS = ['PLAINTEXT', 'SASL_PLAINTEXT', 'SSL', 'SASL_SSL']
/** Password of the encrypted PKCS#8 keys inside the *-keystore.pem files (Kafka's ssl.key.password). */
export const KEY_PASSWORD = 'changeit'
const WORK_DIR_PREFIX = 'topic-tables-kafka-'
const READY_TIMEOUT_MS = 60_000
const INFRA_DIR = path.join(REPO_ROOT, 'test-infra', 'kafka')
const POM = path.join(INFRA_DIR, 'pom.xml')
const BROKER_LOG4J = path.join(INFRA_DIR, 'log4j2.properties')
const TOOLS_LOG4J = path.join(INFRA_DIR, 'tools-log4j2.properties')
const WATCHDOG = path.join(path.dirname(fileURLToPath(import.meta.url)), 'watchdog.mjs')

const defaultLog = (msg) => process.stderr.write(`[services] ${msg}\n`)

// ---------------------------------------------------------------------------------------------
// paths and environment

export function kafkaVersion() {
  return process.env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION
}

/** State file: $TOPIC_TABLES_SERVICES_FILE, else <repo>/.cache/services.json. */
export function stateFilePath() {
  const env = process.env.TOPIC_TABLES_SERVICES_FILE?.trim()
  return env ? path.resolve(env) : DEFAULT_STATE_FILE
}

export function kafkaCacheDir(version) {
  return versionDir(CACHE_DIR, 'kafka', 'Kafka', version)
}

export function libsDir(version) {
  return path.join(kafkaCacheDir(version), 'libs')
}

function markerFile(version) {
  return path.join(kafkaCacheDir(version), 'libs.complete.json')
}

export function javaCommand() {
  if (process.env.TOPIC_TABLES_JAVA) return process.env.TOPIC_TABLES_JAVA
  if (process.env.JAVA_HOME) {
    const candidate = path.join(process.env.JAVA_HOME, 'bin', 'java')
    if (fs.existsSync(candidate)) return candidate
  }
  return 'java'
}

/** Runs a command, collecting output. Resolves { code, stdout, stderr, ms }; never rejects on exit code. */
export function run(cmd, args, { cwd = REPO_ROOT, env = process.env, input } = {}) {
  return new Promise((resolve) => {
    const started = Date.now()
    let stdout = ''
    let stderr = ''
    let child
    try {
      child = spawn(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
    } catch (err) {
      resolve({ code: -1, stdout, stderr: String(err), ms: 0, error: err })
      return
    }
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: stderr + String(err), ms: Date.now() - started, error: err }))
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), signal, stdout, stderr, ms: Date.now() - started }))
    if (input !== undefined) child.stdin.end(input)
  })
}

// ---------------------------------------------------------------------------------------------
// prerequisites

/** Checks `java -version` ≥ 17. Returns { ok, major, version, cmd, message }. */
export async function checkJava() {
  const cmd = javaCommand()
  const r = await run(cmd, ['-version'])
  if (r.code !== 0) {
    return {
      ok: false,
      cmd,
      message:
        `Java 17 or newer is required to run the Kafka broker, but \`${cmd} -version\` failed` +
        ` (${r.error?.code === 'ENOENT' ? 'not found on PATH' : r.stderr.trim().split('\n')[0]}).` +
        ' Install it (Debian: apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME.'
    }
  }
  const m = /version "([^"]+)"/.exec(r.stderr + r.stdout)
  const version = m?.[1] ?? 'unknown'
  const parts = version.split(/[.+-]/)
  const major = Number(parts[0] === '1' ? parts[1] : parts[0])
  if (!(major >= 17)) {
    return {
      ok: false,
      cmd,
      major,
      version,
      message: `Java 17 or newer is required by Kafka 4.x brokers; \`${cmd}\` is ${version}. Install openjdk-17 or point JAVA_HOME at a JDK ≥ 17.`
    }
  }
  return { ok: true, cmd, major, version, message: `java ${version}` }
}

export async function checkMaven() {
  const r = await run('mvn', ['-B', '-v'])
  if (r.code !== 0) {
    return {
      ok: false,
      message:
        'Apache Maven (`mvn`) is required to fetch the Kafka jars from Maven Central but was not found.' +
        ' Install it (Debian: apt-get install -y maven).'
    }
  }
  const esc = String.fromCharCode(27) // strip ANSI colour codes without a control-character regex
  const first = r.stdout.split('\n')[0].split(esc).map((part) => part.replace(/^\[[0-9;]*m/, '')).join('')
  return { ok: true, message: first.trim() }
}

export async function checkOpenssl() {
  const r = await run('openssl', ['version'])
  if (r.code !== 0) {
    return { ok: false, message: '`openssl` is required to generate the test TLS material. Install it (Debian: apt-get install -y openssl).' }
  }
  return { ok: true, message: r.stdout.trim() }
}

// ---------------------------------------------------------------------------------------------
// fetch

export function isFetched(version) {
  try {
    const marker = JSON.parse(fs.readFileSync(markerFile(version), 'utf8'))
    const libs = libsDir(version)
    return (
      marker.version === version &&
      Array.isArray(marker.jars) &&
      marker.jars.length > 0 &&
      marker.jars.every((jar) => fs.existsSync(path.join(libs, jar)))
    )
  } catch {
    return false
  }
}

/**
 * Downloads the broker's runtime jars for `version` into .cache/kafka/<version>/libs with Maven's
 * dependency plugin (skipped when a complete copy is already there). Returns { libs, fetched, ms }.
 */
export async function fetchKafka(version = kafkaVersion(), { log = defaultLog } = {}) {
  const libs = libsDir(version)
  if (isFetched(version)) return { libs, fetched: false, ms: 0 }
  const mvn = await checkMaven()
  if (!mvn.ok) throw new Error(mvn.message)
  const started = Date.now()
  await fsp.mkdir(kafkaCacheDir(version), { recursive: true })
  const tmp = `${libs}.tmp-${process.pid}-${Date.now()}`
  log(`fetching Kafka ${version} jars from Maven Central into ${path.relative(REPO_ROOT, libs)} ...`)
  const r = await run('mvn', [
    '-B',
    '-q',
    '-f',
    POM,
    `-Dkafka.version=${version}`,
    'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${tmp}`
  ])
  const jars = fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.endsWith('.jar')).sort() : []
  if (r.code !== 0 || !jars.includes(`kafka_2.13-${version}.jar`)) {
    fs.rmSync(tmp, { recursive: true, force: true })
    throw new Error(
      `fetching Kafka ${version} jars failed (mvn exit ${r.code}). Is ${version} a released Kafka version?\n` +
        `${r.stdout}${r.stderr}`.trim().split('\n').slice(-30).join('\n')
    )
  }
  // Another process may have completed the same fetch meanwhile: keep theirs.
  if (isFetched(version)) {
    fs.rmSync(tmp, { recursive: true, force: true })
    return { libs, fetched: false, ms: Date.now() - started }
  }
  fs.rmSync(libs, { recursive: true, force: true })
  fs.renameSync(tmp, libs)
  const marker = { version, jars, fetchedAt: new Date().toISOString() }
  fs.writeFileSync(markerFile(version), JSON.stringify(marker, null, 2) + '\n')
  const ms = Date.now() - started
  log(`fetched ${jars.length} jars for Kafka ${version} in ${ms} ms`)
  return { libs, fetched: true, ms }
}

// ---------------------------------------------------------------------------------------------
// TLS material (openssl, all PEM)

/**
 * Creates in `dir`: ca.pem/ca.key (test CA), broker.pem/broker.key (SAN IP:127.0.0.1, DNS:localhost),
 * client.pem/client.key (CN=alice, clientAuth), and broker-keystore.pem / client-keystore.pem
 * (encrypted PKCS#8 key + certificate chain, Kafka's file-based PEM keystore format; key password
 * KEY_PASSWORD).
 */
export function tlsPaths(dir) {
  const f = (name) => path.join(dir, name)
  return {
    caCert: f('ca.pem'),
    brokerCert: f('broker.pem'),
    brokerKeystore: f('broker-keystore.pem'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
    clientKeystore: f('client-keystore.pem'),
    keyPassword: KEY_PASSWORD
  }
}

export async function generateTls(dir) {
  await fsp.mkdir(dir, { recursive: true })
  const f = (name) => path.join(dir, name)
  const ossl = async (...args) => {
    const r = await run('openssl', args, { cwd: dir })
    if (r.code !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr.trim()}`)
  }
  const serial = () => '0x' + crypto.randomBytes(16).toString('hex').replace(/^./, '1')
  // ECDSA P-256: ~5 ms per key instead of ~200 ms for RSA-2048 on a slow core; Java 17, Kafka's PEM
  // keystore and Node's TLS all take it.
  const genKey = (name) => ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(name))
  await Promise.all([genKey('ca.key'), genKey('broker.key'), genKey('client.key')])
  await ossl(
    'req', '-x509', '-new', '-key', f('ca.key'), '-out', f('ca.pem'), '-days', '3650', '-sha256',
    '-subj', '/CN=Topic Tables Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
  )
  const issue = async (name, subject, ext) => {
    await fsp.writeFile(f(`${name}.ext`), ext)
    await ossl('req', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', subject)
    await ossl(
      'x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'),
      '-set_serial', serial(), '-days', '825', '-sha256', '-extfile', f(`${name}.ext`), '-out', f(`${name}.pem`)
    )
    await ossl(
      'pkcs8', '-topk8', '-in', f(`${name}.key`), '-out', f(`${name}.enc.key`),
      // PBES1 on purpose: Kafka's PemStore asks SecretKeyFactory for the key's algorithm name, and
      // Java 17 has no "PBES2" SecretKeyFactory (OpenSSL 3's default -v2 aes-256-cbc fails to load).
      '-v1', 'PBE-SHA1-3DES', '-passout', `pass:${KEY_PASSWORD}`
    )
    const [key, cert, ca] = await Promise.all(
      [`${name}.enc.key`, `${name}.pem`, 'ca.pem'].map((n) => fsp.readFile(f(n), 'utf8'))
    )
    await fsp.writeFile(f(`${name}-keystore.pem`), key + cert + ca)
  }
  await Promise.all([
    issue(
      'broker',
      '/CN=localhost',
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n' +
        'extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n'
    ),
    issue(
      'client',
      '/CN=alice',
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n'
    )
  ])
  return tlsPaths(dir)
}

// ---------------------------------------------------------------------------------------------
// broker config

/** Distinct free TCP ports on 127.0.0.1 (all bound at once, then released). */
export async function freePorts(count) {
  const servers = []
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer()
      await new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
      servers.push(server)
    }
    return servers.map((s) => s.address().port)
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }
}

/** Fresh KRaft cluster id: 16 random bytes, base64url (22 chars), never starting with '-'. */
export function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}

function serverProperties({ ports, dataDir, tls }) {
  const addr = (name) => `${name}://127.0.0.1:${ports[name]}`
  const plainJaas = `org.apache.kafka.common.security.plain.PlainLoginModule required ${SASL_USERS.map(
    (u) => `user_${u.username}="${u.password}"`
  ).join(' ')};`
  const scramJaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required;'
  const jaas = ['sasl_plaintext', 'sasl_ssl'].flatMap((l) => [
    `listener.name.${l}.plain.sasl.jaas.config=${plainJaas}`,
    `listener.name.${l}.scram-sha-256.sasl.jaas.config=${scramJaas}`,
    `listener.name.${l}.scram-sha-512.sasl.jaas.config=${scramJaas}`
  ])
  return [
    '# generated by scripts/lib/kafka-services.mjs for the integration tests',
    '# --- KRaft combined node, static single-voter quorum (format without --standalone) ---',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.CONTROLLER}`,
    'controller.listener.names=CONTROLLER',
    `listeners=${['PLAINTEXT', 'CONTROLLER', 'SASL_PLAINTEXT', 'SSL', 'SASL_SSL'].map(addr).join(',')}`,
    `advertised.listeners=${CLIENT_LISTENERS.map(addr).join(',')}`,
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL',
    `log.dirs=${dataDir}`,
    '# --- SASL: PLAIN users from the per-listener JAAS, SCRAM users from format --add-scram ---',
    `sasl.enabled.mechanisms=${SASL_MECHANISMS.join(',')}`,
    ...jaas,
    '# --- TLS for SSL and SASL_SSL (PEM keystore: encrypted PKCS#8 key + chain) ---',
    'ssl.keystore.type=PEM',
    `ssl.keystore.location=${tls.brokerKeystore}`,
    `ssl.key.password=${tls.keyPassword}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${tls.caCert}`,
    'ssl.client.auth=none',
    '# --- single-node replication for internal topics ---',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    '# --- speed for tests ---',
    'group.initial.rebalance.delay.ms=0',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.num.partitions=1',
    'num.partitions=1',
    'auto.create.topics.enable=true',
    'delete.topic.enable=true',
    'num.network.threads=2',
    'num.io.threads=2',
    'num.recovery.threads.per.data.dir=1',
    ''
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// state

export function readState(file = stateFilePath()) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    if (err.code === 'ENOENT') return null
    throw new Error(`cannot read services state file ${file}: ${err.message}`)
  }
}

function writeState(file, state) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n')
  fs.renameSync(tmp, file)
}

function brokerMarker(state) {
  return ['kafka.Kafka', state.workDir]
}

/** Whether the services a state describes are (still) there. External clusters are assumed up. */
export function isRunning(state) {
  if (!state) return false
  if (state.kind === 'external') return true
  return isOurProcess(state.pid, brokerMarker(state))
}

/** Polls describeCluster on `bootstrap` until it succeeds. Throws on timeout or when `alive()` says no. */
export async function waitForKafka(bootstrap, { timeoutMs = READY_TIMEOUT_MS, alive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs
  let lastError
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('the broker process exited during startup')
    const admin = new Kafka({
      clientId: 'topic-tables-services',
      brokers: [bootstrap],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 5000,
      retry: { retries: 0 }
    }).admin()
    try {
      await admin.connect()
      const cluster = await admin.describeCluster()
      return cluster
    } catch (err) {
      lastError = err
    } finally {
      await admin.disconnect().catch(() => {})
    }
    await sleep(200)
  }
  throw new Error(`Kafka at ${bootstrap} not ready after ${timeoutMs} ms: ${lastError?.message ?? 'no answer'}`)
}

// ---------------------------------------------------------------------------------------------
// up / down

async function startBroker({ version, libs, java, log }) {
  const workDir = await fsp.mkdtemp(path.join(os.tmpdir(), `${WORK_DIR_PREFIX}${version}-`))
  const timings = {}
  const state = { workDir }
  try {
    const tlsDir = path.join(workDir, 'tls')
    const tls = tlsPaths(tlsDir)
    const names = ['PLAINTEXT', 'CONTROLLER', 'SASL_PLAINTEXT', 'SSL', 'SASL_SSL']
    const portList = await freePorts(names.length)
    const ports = Object.fromEntries(names.map((n, i) => [n, portList[i]]))
    const dataDir = path.join(workDir, 'data')
    const propsFile = path.join(workDir, 'server.properties')
    await fsp.writeFile(propsFile, serverProperties({ ports, dataDir, tls }))

    let t = Date.now()
    await generateTls(tlsDir)
    timings.tlsMs = Date.now() - t

    const clusterId = newClusterId()
    const classpath = `${libs}${path.sep}*` // expanded by the JVM, not a shell
    t = Date.now()
    const format = await run(java, [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      `-Dlog4j2.configurationFile=${TOOLS_LOG4J}`,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      propsFile,
      ...SASL_USERS.flatMap((u) => [
        '--add-scram',
        `SCRAM-SHA-256=[name=${u.username},password=${u.password}]`,
        '--add-scram',
        `SCRAM-SHA-512=[name=${u.username},password=${u.password}]`
      ])
    ])
    timings.formatMs = Date.now() - t
    if (format.code !== 0) {
      throw new Error(`kafka-storage format failed (exit ${format.code}):\n${(format.stdout + format.stderr).trim()}`)
    }

    const logFile = path.join(workDir, 'kafka.log')
    const logFd = fs.openSync(logFile, 'a')
    t = Date.now()
    const child = spawn(
      java,
      [
        '-Xms256m',
        '-Xmx768m',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-XX:InitiatingHeapOccupancyPercent=35',
        '-XX:+ExplicitGCInvokesConcurrent',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${BROKER_LOG4J}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        propsFile
      ],
      { cwd: workDir, detached: true, stdio: ['ignore', logFd, logFd] }
    )
    fs.closeSync(logFd)
    let exited = false
    child.on('exit', () => (exited = true))
    child.on('error', () => (exited = true))
    child.unref()
    Object.assign(state, { pid: child.pid, logFile, clusterId, ports, tls, propsFile })
    const bootstrap = `127.0.0.1:${ports.PLAINTEXT}`
    try {
      await waitForKafka(bootstrap, { alive: () => !exited && isOurProcess(child.pid, ['kafka.Kafka', workDir]) })
    } catch (err) {
      const tail = logTail(logFile, 60, '(no broker log)')
      err.brokerLog = tail
      err.bindFailure = /BindException|Address already in use/.test(tail)
      throw err
    }
    timings.startupMs = Date.now() - t
    return { ...state, timings }
  } catch (err) {
    if (state.pid) await terminate(state.pid, ['kafka.Kafka', workDir], { graceMs: 5000, log })
    fs.rmSync(workDir, { recursive: true, force: true })
    throw err
  }
}

/** The schema-registry half of the services (scripts/lib/registry-services.mjs), loaded on demand. */
function registryServices() {
  return import('./registry-services.mjs')
}

/**
 * Starts the services and writes the state file. With $KAFKA_BOOTSTRAP set, starts no broker and
 * writes a state pointing at that cluster (PLAINTEXT only).
 * After Kafka, starts the test schema registry (Apicurio + auth proxy, registry-services.mjs) into the
 * state's `registry` section, unless `registry: false` or $TOPIC_TABLES_NO_REGISTRY ($REGISTRY_URL:
 * use that registry instead of Apicurio).
 * Options: version, stateFile, ownerPid (a watchdog stops the broker if that process dies), registry, log.
 */
export async function up({ version = kafkaVersion(), stateFile = stateFilePath(), ownerPid, registry: withRegistry = true, log = defaultLog } = {}) {
  const existing = readState(stateFile)
  if (existing) {
    if (isRunning(existing)) {
      throw new Error(
        `services are already up (state file ${stateFile}, ${existing.kind === 'external' ? 'external cluster' : `pid ${existing.pid}`}); run \`node scripts/services.mjs down\` first`
      )
    }
    log(`removing stale state file ${stateFile} (broker pid ${existing.pid} is gone)`)
    if (existing.registry) await (await registryServices()).stopRegistry(existing.registry, { log })
    cleanupStale(existing)
    fs.rmSync(stateFile, { force: true })
  }

  const external = process.env.KAFKA_BOOTSTRAP?.trim()
  if (external) {
    const bootstrap = external.split(',').map((s) => s.trim()).filter(Boolean).join(',')
    log(`KAFKA_BOOTSTRAP is set: using the existing cluster at ${bootstrap} (PLAINTEXT only)`)
    const cluster = await waitForKafka(bootstrap.split(',')[0])
    const state = {
      schema: STATE_SCHEMA,
      kind: 'external',
      kafkaVersion: process.env.KAFKA_VERSION?.trim() || 'external',
      pid: null,
      watchdogPid: null,
      workDir: null,
      logFile: null,
      clusterId: cluster.clusterId ?? null,
      startedAt: new Date().toISOString(),
      timings: null,
      bootstrap: { PLAINTEXT: bootstrap },
      controller: null,
      tls: null,
      sasl: null,
      registry: null
    }
    if (withRegistry) state.registry = await (await registryServices()).startRegistry({ ownerPid, stateFile, log })
    writeState(stateFile, state)
    return state
  }

  const java = await checkJava()
  if (!java.ok) throw new Error(java.message)
  const openssl = await checkOpenssl()
  if (!openssl.ok) throw new Error(openssl.message)
  const fetched = await fetchKafka(version, { log })

  let broker
  for (let attempt = 1; ; attempt++) {
    try {
      broker = await startBroker({ version, libs: fetched.libs, java: java.cmd, log })
      break
    } catch (err) {
      if (err.bindFailure && attempt < 3) {
        log(`port clash while starting Kafka ${version}; retrying with new ports (attempt ${attempt + 1})`)
        continue
      }
      if (err.brokerLog) log(`Kafka ${version} failed to start. Broker log tail:\n${err.brokerLog}`)
      throw err
    }
  }

  const state = {
    schema: STATE_SCHEMA,
    kind: 'local',
    kafkaVersion: version,
    pid: broker.pid,
    watchdogPid: null,
    ownerPid: ownerPid ?? null,
    workDir: broker.workDir,
    logFile: broker.logFile,
    serverProperties: broker.propsFile,
    clusterId: broker.clusterId,
    startedAt: new Date().toISOString(),
    timings: { fetchMs: fetched.ms, ...broker.timings },
    bootstrap: Object.fromEntries(CLIENT_LISTENERS.map((l) => [l, `127.0.0.1:${broker.ports[l]}`])),
    controller: `127.0.0.1:${broker.ports.CONTROLLER}`,
    tls: broker.tls,
    sasl: { mechanisms: SASL_MECHANISMS, users: SASL_USERS },
    registry: null
  }
  if (ownerPid) {
    const wd = spawn(process.execPath, [WATCHDOG, String(ownerPid), String(broker.pid), broker.workDir, stateFile], {
      detached: true,
      stdio: 'ignore'
    })
    wd.unref()
    state.watchdogPid = wd.pid
  }
  if (withRegistry) {
    try {
      state.registry = await (await registryServices()).startRegistry({ ownerPid, stateFile, log })
    } catch (err) {
      if (state.watchdogPid) await terminate(state.watchdogPid, ['watchdog.mjs', String(state.pid)], { graceMs: 2000 })
      await terminate(state.pid, brokerMarker(state), { graceMs: 20_000, log })
      cleanupStale(state)
      throw err
    }
  }
  writeState(stateFile, state)
  const t = state.timings
  log(
    `Kafka ${version} up: pid ${state.pid}, PLAINTEXT ${state.bootstrap.PLAINTEXT}` +
      ` (tls ${t.tlsMs} ms, format ${t.formatMs} ms, startup ${t.startupMs} ms)`
  )
  return state
}

function cleanupStale(state) {
  if (state.kind !== 'local' || !state.workDir) return
  if (path.basename(state.workDir).startsWith(WORK_DIR_PREFIX)) {
    fs.rmSync(state.workDir, { recursive: true, force: true })
  }
}

/** Stops the schema registry and the broker of the state file (SIGTERM, grace period, SIGKILL) and removes their work dirs and the state file. */
export async function down({ stateFile = stateFilePath(), log = defaultLog } = {}) {
  const state = readState(stateFile)
  if (!state) {
    log(`nothing to stop (no state file at ${stateFile})`)
    return { stopped: false }
  }
  if (state.registry) {
    await (await registryServices())
      .stopRegistry(state.registry, { log })
      .catch((err) => log(`stopping the schema registry failed: ${err.message}`))
  }
  let result = 'external'
  if (state.kind === 'local') {
    if (state.watchdogPid) await terminate(state.watchdogPid, ['watchdog.mjs', String(state.pid)], { graceMs: 2000 })
    const started = Date.now()
    result = await terminate(state.pid, brokerMarker(state), { graceMs: 20_000, log })
    log(`Kafka ${state.kafkaVersion} (pid ${state.pid}): ${result} in ${Date.now() - started} ms`)
    cleanupStale(state)
  }
  fs.rmSync(stateFile, { force: true })
  return { stopped: result !== 'not-running', result }
}

export async function status({ stateFile = stateFilePath() } = {}) {
  const state = readState(stateFile)
  return { stateFile, state, running: isRunning(state) }
}
