// Types for registry-services.mjs (used from test/support/*.ts).

/** The state file's `registry` section (see kafka-services.d.mts ServicesState). */
export interface RegistryState {
  /** 'local': Apicurio started by the harness; 'external': $REGISTRY_URL. */
  kind: 'local' | 'external'
  /** Apicurio's JVM pid (null for external registries). */
  pid: number | null
  /** Confluent-compatible API base URL, no auth: http://127.0.0.1:<port>/apis/ccompat/v7. */
  url: string
  /** The authenticating proxy's pid. */
  proxyPid: number | null
  /** The same API behind the proxy (Basic proxyUser:proxyPassword or Bearer proxyToken required). */
  proxyUrl: string
  proxyUser: string
  proxyPassword: string
  proxyToken: string
  /** Apicurio version ('external' for $REGISTRY_URL). */
  version: string
  /** Java version Apicurio runs on (null for external registries). */
  javaVersion: string | null
  /** Apicurio's stdout/stderr (null for external registries). */
  logFile: string | null
  proxyLogFile: string | null
  /** Temp dir holding the logs; removed by `down`. */
  workDir: string
  watchdogPids: number[]
  timings: { fetchMs: number; startupMs: number } | null
}

type Log = (msg: string) => void

export const DEFAULT_APICURIO_VERSION: string
export const FALLBACK_APICURIO_VERSION: string
export const CCOMPAT_PATH: string
export const PROXY_USER: string
export const PROXY_PASSWORD: string
export const PROXY_TOKEN: string

export function registryWanted(): boolean
export function externalRegistryUrl(): string | undefined
export function apicurioVersion(): string
export function needsJava21(version: string): boolean
export function apicurioCacheDir(version: string): string
export function apicurioAppDir(version: string): string
/** quarkus-run.jar (3.1+) or *-runner.jar (3.0.x, 2.x) in appDir, or null. */
export function apicurioJar(appDir: string): string | null
export function isApicurioFetched(version: string): boolean
export function findJava21(): Promise<{ cmd: string; major: number; version: string; source: string } | null>
export function resolveApicurio(opts?: {
  version?: string
  log?: Log
}): Promise<{ version: string; java: { cmd: string; major: number; version: string }; fellBack: boolean }>
export function fetchApicurio(
  version?: string,
  opts?: { log?: Log }
): Promise<{ appDir: string; fetched: boolean; ms: number; bytes: number; downloadMs: number; extractMs: number }>
export function waitForRegistry(
  url: string,
  opts?: { timeoutMs?: number; alive?: () => boolean; headers?: Record<string, string> }
): Promise<void>
export function registryIsRunning(registry: RegistryState | null | undefined): boolean
export function startRegistry(opts?: { ownerPid?: number; stateFile?: string; log?: Log }): Promise<RegistryState | null>
export function stopRegistry(registry: RegistryState | null | undefined, opts?: { log?: Log }): Promise<string>
