import type { ConnectionFailureKind, ConnectionReport } from '../../../shared/model/connectionTest'
import { missingSecrets, profileToKafkaProperties, type ProfileSecrets, type SecretField, type ProfileSettings } from '../../../shared/model/profiles'
import { translateKafkaConfig, type TranslatedConfig } from '../kafka/config'
import { classifyFailure } from './classifyFailure'
import { probeKafka, type KafkaFindings } from './kafkaProbe'
import { inferKafkaVersion } from './kafkaVersion'
import { probeAddress } from './networkProbe'
import { probeRegistry } from './registryProbe'
import { redactSecrets } from './redactSecrets'

type Check = ConnectionReport['kafka']

const SECRET_NAMES: Record<SecretField, string> = {
  saslPassword: 'SASL password',
  tlsClientKeyPem: 'TLS client key',
  tlsKeyPassword: 'TLS key password',
  registryPassword: 'registry password',
  registryToken: 'registry token'
}

/** A failed check when credentials the settings need are not there (a profile imported without them, say). */
function missingCheck(missing: SecretField[], fields: SecretField[], failure: ConnectionFailureKind): Check | null {
  const absent = missing.filter((f) => fields.includes(f))
  if (absent.length === 0) return null
  return { status: 'failed', failure, detail: `The profile has no ${absent.map((f) => SECRET_NAMES[f]).join(' or ')}: enter it, then test again.` }
}

export interface ConnectionTestOptions {
  /** Budget of each step (resolve, connect, handshake, request), ms. Default 5000. */
  stepTimeoutMs?: number
}

type KafkaOutcome = { ok: true; findings: KafkaFindings } | { ok: false; kind: ConnectionFailureKind; detail: string }

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

async function reachKafka(translated: TranslatedConfig, stepMs: number): Promise<KafkaOutcome> {
  const probes = await Promise.all(translated.brokers.map((address) => probeAddress(address, stepMs)))
  const failures = probes.flatMap((p) => (p.failure === null ? [] : [p.failure]))
  if (failures.length === probes.length && failures[0] !== undefined) {
    return { ok: false, kind: failures[0].kind, detail: failures.map((f) => f.detail).join('; ') }
  }
  try {
    const findings = await withDeadline(probeKafka(translated.kafkajs, stepMs), stepMs * 3)
    return { ok: true, findings }
  } catch (e) {
    const { kind, message } = classifyFailure(e)
    return { ok: false, kind, detail: `Kafka at ${translated.brokers.join(', ')}: ${message}` }
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

function kafkaCheck(outcome: KafkaOutcome): Check {
  if (!outcome.ok) return { status: 'failed', failure: outcome.kind, detail: outcome.detail }
  const { brokers, clusterId, topicCount } = outcome.findings
  const where = brokers.map((b) => `${b.host}:${b.port}`).join(', ')
  return { status: 'ok', detail: `Connected: ${plural(brokers.length, 'broker')} (${where}), cluster id ${clusterId ?? 'not given'}, ${plural(topicCount, 'topic')} visible.` }
}

function authenticationCheck(settings: ProfileSettings, outcome: KafkaOutcome | null): Check {
  const sasl = settings.securityProtocol === 'SASL_PLAINTEXT' || settings.securityProtocol === 'SASL_SSL'
  const clientCert = settings.securityProtocol !== 'PLAINTEXT' && settings.securityProtocol !== 'SASL_PLAINTEXT' && (settings.tls.clientCertPem ?? '').trim() !== ''
  if (!sasl && !clientCert) return { status: 'skipped', detail: `No authentication: security protocol ${settings.securityProtocol}.` }
  const what = sasl ? `SASL ${settings.sasl.mechanism} as '${settings.sasl.username}'` : 'TLS client certificate'
  if (outcome === null) return { status: 'skipped', detail: `Not tried (${what}): the settings are invalid.` }
  if (outcome.ok) return { status: 'ok', detail: `Authenticated with ${what}.` }
  if (outcome.kind === 'SASL' || (clientCert && outcome.kind === 'TLS')) return { status: 'failed', failure: outcome.kind, detail: `${what} was rejected: ${outcome.detail}` }
  return { status: 'skipped', detail: `Not reached (${what}): the connection failed first.` }
}

/**
 * Connects with a profile's settings and secrets and reports what it found, or exactly where it failed.
 * Every step has a short timeout, so a test ends within seconds; no detail text ever holds a secret.
 */
export async function runConnectionTest(settings: ProfileSettings, secrets: ProfileSecrets, options: ConnectionTestOptions = {}): Promise<ConnectionReport> {
  const started = Date.now()
  const stepMs = options.stepTimeoutMs ?? 5_000
  const properties = profileToKafkaProperties(settings, secrets)
  const missing = missingSecrets(settings, secrets)
  const registryCheck = probeRegistry(properties, stepMs)
  let outcome: KafkaOutcome | null = null
  let kafka = missingCheck(missing, ['saslPassword', 'tlsClientKeyPem'], 'CONFIG')
  if (kafka === null) {
    try {
      const translated = translateKafkaConfig(properties)
      outcome = await reachKafka(translated, stepMs)
      kafka = kafkaCheck(outcome)
    } catch (e) {
      kafka = { status: 'failed', failure: 'CONFIG', detail: `The Kafka settings are invalid: ${(e as Error).message}` }
    }
  }
  const registry = missingCheck(missing, ['registryPassword', 'registryToken'], 'REGISTRY') ?? (await registryCheck)
  const authentication = authenticationCheck(settings, outcome)
  const findings = outcome?.ok === true ? outcome.findings : null
  const hide = (check: Check): Check => ({ ...check, detail: redactSecrets(check.detail, secrets) })
  return {
    ok: kafka.status === 'ok' && authentication.status !== 'failed' && registry.status !== 'failed',
    durationMs: Date.now() - started,
    brokers: findings?.brokers ?? [],
    clusterId: findings?.clusterId ?? null,
    controllerId: findings?.controllerId ?? null,
    kafkaVersion: findings === null ? null : inferKafkaVersion(findings.versions),
    topicCount: findings?.topicCount ?? null,
    kafka: hide(kafka),
    authentication: hide(authentication),
    registry: hide(registry)
  }
}

