// Types for kafka-services.mjs (used from test/support/*.ts).
import type { RegistryState } from './registry-services.mjs'

export type { RegistryState }

export type ClientListener = 'PLAINTEXT' | 'SASL_PLAINTEXT' | 'SSL' | 'SASL_SSL'
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'

export interface ServicesTls {
  /** PEM of the test CA that signed the broker and client certificates. */
  caCert: string
  brokerCert: string
  /** Encrypted PKCS#8 key + chain (Kafka file-based PEM keystore), password `keyPassword`. */
  brokerKeystore: string
  /** Client certificate (CN=alice, clientAuth) and its unencrypted PKCS#8 key, PEM. */
  clientCert: string
  clientKey: string
  /** Encrypted PKCS#8 client key + chain, for Java-style `ssl.keystore.type=PEM` configs. */
  clientKeystore: string
  keyPassword: string
}

export interface ServicesState {
  schema: 1
  /** 'local': a broker this harness started; 'external': $KAFKA_BOOTSTRAP (PLAINTEXT only). */
  kind: 'local' | 'external'
  kafkaVersion: string
  pid: number | null
  watchdogPid: number | null
  ownerPid?: number | null
  workDir: string | null
  logFile: string | null
  serverProperties?: string
  clusterId: string | null
  startedAt: string
  timings: { fetchMs: number; tlsMs: number; formatMs: number; startupMs: number } | null
  /** host:port per client listener; only PLAINTEXT for external clusters. */
  bootstrap: Partial<Record<ClientListener, string>> & { PLAINTEXT: string }
  controller: string | null
  tls: ServicesTls | null
  sasl: { mechanisms: SaslMechanism[]; users: { username: string; password: string }[] } | null
  /** The test schema registry (registry-services.mjs); null/absent with $TOPIC_TABLES_NO_REGISTRY. */
  registry?: RegistryState | null
}

export const REPO_ROOT: string
export const DEFAULT_KAFKA_VERSION: string
export const CACHE_DIR: string
export const DEFAULT_STATE_FILE: string
export const STATE_SCHEMA: 1
export const SASL_MECHANISMS: SaslMechanism[]
export const SASL_USERS: { username: string; password: string }[]
export const CLIENT_LISTENERS: ClientListener[]
export const KEY_PASSWORD: string

export function kafkaVersion(): string
export function stateFilePath(): string
export function kafkaCacheDir(version: string): string
export function libsDir(version: string): string
export function javaCommand(): string
export function isFetched(version: string): boolean

type Log = (msg: string) => void
interface Check {
  ok: boolean
  message: string
}

export function checkJava(): Promise<Check & { cmd: string; major?: number; version?: string }>
export function checkMaven(): Promise<Check>
export function checkOpenssl(): Promise<Check>
export function fetchKafka(version?: string, opts?: { log?: Log }): Promise<{ libs: string; fetched: boolean; ms: number }>
export function tlsPaths(dir: string): ServicesTls
export function generateTls(dir: string): Promise<ServicesTls>
export function freePorts(count: number): Promise<number[]>
export function newClusterId(): string
export function readState(file?: string): ServicesState | null
export function isRunning(state: ServicesState | null): boolean
export function waitForKafka(bootstrap: string, opts?: { timeoutMs?: number; alive?: () => boolean }): Promise<unknown>
export function up(opts?: { version?: string; stateFile?: string; ownerPid?: number; registry?: boolean; log?: Log }): Promise<ServicesState>
export function down(opts?: { stateFile?: string; log?: Log }): Promise<{ stopped: boolean; result?: string }>
export function status(opts?: { stateFile?: string }): Promise<{ stateFile: string; state: ServicesState | null; running: boolean }>
