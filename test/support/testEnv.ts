// Helpers for integration tests: where the test Kafka is, Java-style client configs for each
// listener, and raw kafkajs clients for arranging data (topics, messages) around the code under test.
//
// The services are described by the state file written by scripts/services.mjs (path in
// $TOPIC_TABLES_SERVICES_FILE, set by scripts/test.mjs, scripts/with-services.mjs and
// test/support/globalSetup.ts; default .cache/services.json). No vitest import here, so benches run
// with tsx can use this module too.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { Kafka, Partitioners, logLevel } from 'kafkajs'
import type { Admin, IHeaders, KafkaConfig, RecordMetadata, SASLOptions } from 'kafkajs'
import { stateFilePath } from '../../scripts/lib/kafka-services.mjs'
import type { ClientListener, RegistryState, SaslMechanism, ServicesState } from '../../scripts/lib/kafka-services.mjs'
import type { ProfileSettings } from '../../src/shared/model/profiles'

export type { ClientListener, RegistryState, SaslMechanism, ServicesState }
/** A client listener of the test broker. */
export type Listener = ClientListener
/** Java-style client properties, e.g. `{ 'bootstrap.servers': '127.0.0.1:9092' }`. */
export type JavaProps = Record<string, string>

export interface Credentials {
  username: string
  password: string
}

/** The SASL user known to the test broker (PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512). */
export const SASL_USER: Readonly<Credentials> = Object.freeze({ username: 'alice', password: 'alice-secret' })

let cached: { file: string; mtimeMs: number; state: ServicesState } | undefined

/** Path of the services state file in use. */
export function servicesFile(): string {
  return stateFilePath()
}

/** The parsed state file of the running test services. Throws with a hint when there is none. */
export function services(): ServicesState {
  const file = servicesFile()
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new Error(
      `No test services: ${file} does not exist. Run the integration tests through \`npm test\` or ` +
        '`npx vitest run --project integration` (its globalSetup starts Kafka), or start them with `npm run services:up`.'
    )
  }
  if (!cached || cached.file !== file || cached.mtimeMs !== stat.mtimeMs) {
    cached = { file, mtimeMs: stat.mtimeMs, state: JSON.parse(fs.readFileSync(file, 'utf8')) as ServicesState }
  }
  return cached.state
}

/** Kafka version of the test broker ('external' when $KAFKA_BOOTSTRAP points at some cluster without KAFKA_VERSION). */
export function brokerVersion(): string {
  return services().kafkaVersion
}

/** True when the SASL_PLAINTEXT, SSL and SASL_SSL listeners (and the TLS material) exist. False for $KAFKA_BOOTSTRAP. */
export function hasSecuredListeners(): boolean {
  const s = services()
  return Boolean(s.kind === 'local' && s.tls && s.sasl && s.bootstrap.SASL_PLAINTEXT && s.bootstrap.SSL && s.bootstrap.SASL_SSL)
}

/** host:port of a listener; throws when the services have no such listener. */
export function bootstrap(listener: Listener = 'PLAINTEXT'): string {
  const address = services().bootstrap[listener]
  if (!address) {
    throw new Error(`the test services have no ${listener} listener (external cluster via KAFKA_BOOTSTRAP?); guard the test with hasSecuredListeners()`)
  }
  return address
}

function tls(): NonNullable<ServicesState['tls']> {
  const t = services().tls
  if (!t) throw new Error('the test services have no TLS material (external cluster via KAFKA_BOOTSTRAP?)')
  return t
}

/** PEM of the test CA (signs the broker and the client certificate). */
export function caPem(): string {
  return fs.readFileSync(tls().caCert, 'utf8')
}

/** Paths of the client certificate/key (CN=alice) signed by the test CA, for mTLS tests. */
export function clientTlsFiles(): { caCert: string; clientCert: string; clientKey: string; clientKeystore: string; keyPassword: string } {
  const t = tls()
  return { caCert: t.caCert, clientCert: t.clientCert, clientKey: t.clientKey, clientKeystore: t.clientKeystore, keyPassword: t.keyPassword }
}

/** `sasl.jaas.config` value for a mechanism: PlainLoginModule for PLAIN, ScramLoginModule for SCRAM-*. */
export function jaasConfig(mechanism: SaslMechanism, credentials: Credentials = SASL_USER): string {
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule'
  const q = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
  return `${module} required username="${q(credentials.username)}" password="${q(credentials.password)}";`
}

/** `{ 'bootstrap.servers' }` of the PLAINTEXT listener. */
export function plaintextConfig(): JavaProps {
  return { 'bootstrap.servers': bootstrap('PLAINTEXT') }
}

/** SASL_PLAINTEXT listener with `mechanism` (default SCRAM-SHA-512) as alice, or as `credentials`. */
export function saslPlaintextConfig(mechanism: SaslMechanism = 'SCRAM-SHA-512', credentials: Credentials = SASL_USER): JavaProps {
  return {
    'bootstrap.servers': bootstrap('SASL_PLAINTEXT'),
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanism': mechanism,
    'sasl.jaas.config': jaasConfig(mechanism, credentials)
  }
}

/** SSL listener, trusting the test CA (`ssl.truststore.type=PEM`). */
export function sslConfig(): JavaProps {
  return {
    'bootstrap.servers': bootstrap('SSL'),
    'security.protocol': 'SSL',
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': tls().caCert
  }
}

/** SASL_SSL listener with `mechanism` (default SCRAM-SHA-512), trusting the test CA. */
export function saslSslConfig(mechanism: SaslMechanism = 'SCRAM-SHA-512', credentials: Credentials = SASL_USER): JavaProps {
  return {
    'bootstrap.servers': bootstrap('SASL_SSL'),
    'security.protocol': 'SASL_SSL',
    'sasl.mechanism': mechanism,
    'sasl.jaas.config': jaasConfig(mechanism, credentials),
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': tls().caCert
  }
}

export interface KafkaForOptions {
  /** SASL mechanism for SASL_* listeners (default SCRAM-SHA-512). */
  mechanism?: SaslMechanism
  /** SASL credentials (default alice / alice-secret). */
  credentials?: Credentials
  /** Trust the test CA on SSL/SASL_SSL (default true). false = system CAs only, so the handshake fails. */
  trustTestCa?: boolean
  clientId?: string
  /** kafkajs retry count (default: kafkajs's own, 5). Use 0 in tests that expect a failure. */
  retries?: number
  connectionTimeout?: number
  requestTimeout?: number
}

/** kafkajs `Kafka` config for a listener of the test broker (logLevel NOTHING). */
export function kafkaConfigFor(listener: Listener = 'PLAINTEXT', options: KafkaForOptions = {}): KafkaConfig {
  const config: KafkaConfig = {
    clientId: options.clientId ?? 'topic-tables-test',
    brokers: [bootstrap(listener)],
    logLevel: logLevel.NOTHING,
    connectionTimeout: options.connectionTimeout ?? 5000,
    ...(options.requestTimeout !== undefined ? { requestTimeout: options.requestTimeout } : {}),
    ...(options.retries !== undefined ? { retry: { retries: options.retries } } : {})
  }
  if (listener === 'SSL' || listener === 'SASL_SSL') {
    config.ssl = options.trustTestCa === false ? true : { ca: [caPem()] }
  }
  if (listener === 'SASL_PLAINTEXT' || listener === 'SASL_SSL') {
    const { username, password } = options.credentials ?? SASL_USER
    const mechanism = options.mechanism ?? 'SCRAM-SHA-512'
    config.sasl = { mechanism: mechanism.toLowerCase(), username, password } as SASLOptions
  }
  return config
}

/** A raw kafkajs client on a listener of the test broker, for arranging and checking data in tests. */
export function kafkaFor(listener: Listener = 'PLAINTEXT', options: KafkaForOptions = {}): Kafka {
  return new Kafka(kafkaConfigFor(listener, options))
}

/** Runs `fn` with a connected admin client on the PLAINTEXT listener, then disconnects it. */
export async function withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafkaFor('PLAINTEXT').admin()
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.disconnect()
  }
}

/** A topic name nobody else uses: `<prefix>-<time>-<random>` (only [a-zA-Z0-9._-]). */
export function uniqueTopic(prefix = 'tt'): string {
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 180)
  return `${safe}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
}

/** Creates `name` (replication factor 1) and waits for its partition leaders. Returns the name. */
export async function createTopic(name: string, partitions = 1, config: Record<string, string> = {}): Promise<string> {
  await withAdmin((admin) =>
    admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: name,
          numPartitions: partitions,
          replicationFactor: 1,
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value }))
        }
      ]
    })
  )
  return name
}

export type TestHeaderValue = Buffer | string | (Buffer | string)[]

export interface TestMessage {
  key?: Buffer | string | null
  value: Buffer | string | null
  partition?: number
  /** Epoch milliseconds (or a Date); default: broker/producer time. */
  timestamp?: number | string | Date
  headers?: Record<string, TestHeaderValue | undefined>
}

/** Produces `messages` to `topic` with a fresh kafkajs producer (Java-compatible murmur2 partitioner, acks=all). */
export async function produce(
  topic: string,
  messages: TestMessage[],
  options: { listener?: Listener; acks?: number } = {}
): Promise<RecordMetadata[]> {
  const producer = kafkaFor(options.listener ?? 'PLAINTEXT').producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false
  })
  await producer.connect()
  try {
    return await producer.send({
      topic,
      acks: options.acks ?? -1,
      messages: messages.map((m) => ({
        key: m.key ?? null,
        value: m.value,
        ...(m.partition !== undefined ? { partition: m.partition } : {}),
        ...(m.timestamp !== undefined
          ? { timestamp: String(m.timestamp instanceof Date ? m.timestamp.getTime() : m.timestamp) }
          : {}),
        ...(m.headers ? { headers: m.headers as IHeaders } : {})
      }))
    })
  } finally {
    await producer.disconnect()
  }
}

/** Consumer groups known to the broker (ListGroups on the PLAINTEXT listener). */
export async function listGroups(): Promise<{ groupId: string; protocolType: string }[]> {
  const { groups } = await withAdmin((admin) => admin.listGroups())
  return groups
}

// ---------------------------------------------------------------------------------------------
// schema registry (scripts/lib/registry-services.mjs: Apicurio's Confluent-compatible API, and an
// authenticating proxy in front of it)

/** Credentials the registry auth proxy accepts: Basic username:password, or Bearer token. */
export interface RegistryCredentials {
  username: string
  password: string
  token: string
}

/** True when the test services include a schema registry (false with TOPIC_TABLES_NO_REGISTRY=1). */
export function hasRegistry(): boolean {
  const r = services().registry
  return Boolean(r && r.url && r.proxyUrl)
}

function registry(): RegistryState {
  const r = services().registry
  if (!r) {
    throw new Error('the test services have no schema registry (TOPIC_TABLES_NO_REGISTRY set?); guard the test with hasRegistry()')
  }
  return r
}

/** Confluent-compatible API base URL of the test registry, no auth needed, e.g. http://127.0.0.1:PORT/apis/ccompat/v7. */
export function registryUrl(): string {
  return registry().url
}

/** The same API behind the authenticating proxy: requests need registryCredentials() (Basic or Bearer). */
export function registryAuthUrl(): string {
  return registry().proxyUrl
}

export function registryCredentials(): RegistryCredentials {
  const r = registry()
  return { username: r.proxyUser, password: r.proxyPassword, token: r.proxyToken }
}

/**
 * Java-style registry properties (as a consume() config takes them) for the test registry:
 * 'none' → the direct URL; 'basic' / 'bearer' → the proxy URL with USER_INFO / STATIC_TOKEN credentials.
 */
export function registryProps(auth: 'none' | 'basic' | 'bearer' = 'none'): JavaProps {
  if (auth === 'none') return { 'schema.registry.url': registryUrl() }
  const c = registryCredentials()
  if (auth === 'basic') {
    return {
      'schema.registry.url': registryAuthUrl(),
      'basic.auth.credentials.source': 'USER_INFO',
      'basic.auth.user.info': `${c.username}:${c.password}`
    }
  }
  return { 'schema.registry.url': registryAuthUrl(), 'bearer.auth.credentials.source': 'STATIC_TOKEN', 'bearer.auth.token': c.token }
}

/** A subject name nobody else uses: `<prefix>-<time>-<random>-value` style (only [a-zA-Z0-9._-]). */
export function uniqueSubject(prefix = 'tt', suffix = '-value'): string {
  return `${uniqueTopic(prefix)}${suffix}`
}

/** Connection-profile settings for the test broker's PLAINTEXT listener, no registry (also valid save arguments). */
export function plaintextProfile(name = 'test'): ProfileSettings {
  return {
    name,
    bootstrapServers: bootstrap('PLAINTEXT'),
    securityProtocol: 'PLAINTEXT',
    sasl: { mechanism: 'PLAIN', username: '' },
    tls: { verifyHostname: false },
    registry: { auth: { kind: 'none' } },
    extraProperties: []
  }
}
