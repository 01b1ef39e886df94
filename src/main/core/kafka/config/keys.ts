/**
 * The catalogue of property names this app understands, and what it does with each.
 * docs/kafka-properties.md documents the same lists; a test keeps the two in step.
 */

/** Column-naming and column-type properties from Deephaven's `kafka_consumer.consume`. */
export const DEEPHAVEN_KEYS = [
  'deephaven.partition.column.name',
  'deephaven.offset.column.name',
  'deephaven.timestamp.column.name',
  'deephaven.receivetime.column.name',
  'deephaven.keybytes.column.name',
  'deephaven.valuebytes.column.name',
  'deephaven.key.column.name',
  'deephaven.value.column.name',
  'deephaven.key.column.type',
  'deephaven.value.column.type'
] as const

/** The TLS properties (translateTls); the schema registry takes the same ones under `schema.registry.`. */
export const SSL_KEYS: readonly string[] = [
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.certificates',
  'ssl.truststore.password',
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.keystore.password',
  'ssl.key.password',
  'ssl.endpoint.identification.algorithm',
  'ssl.protocol',
  'ssl.enabled.protocols',
  'ssl.cipher.suites'
]

/** Java client properties translated into the kafkajs config, consumer settings or table settings. */
export const MAPPED_KEYS: readonly string[] = [
  'bootstrap.servers',
  'client.id',
  'group.id',
  'client.rack',
  'security.protocol',
  'sasl.mechanism',
  'sasl.jaas.config',
  ...SSL_KEYS,
  'request.timeout.ms',
  'socket.connection.setup.timeout.ms',
  'default.api.timeout.ms',
  'fetch.max.wait.ms',
  'fetch.min.bytes',
  'fetch.max.bytes',
  'max.partition.fetch.bytes',
  'metadata.max.age.ms',
  'retry.backoff.ms',
  'retry.backoff.max.ms',
  'reconnect.backoff.ms',
  'reconnect.backoff.max.ms',
  'auto.offset.reset',
  'isolation.level',
  'key.deserializer',
  'value.deserializer',
  'key.deserializer.encoding',
  'value.deserializer.encoding',
  'deserializer.encoding',
  ...DEEPHAVEN_KEYS
]

const NO_GROUP = 'Topic Tables reads the partitions it chose directly and never joins the consumer group'

/** Known Java client properties that have no effect here: accepted and reported in `ignoredKeys`. */
export const IGNORED_KEYS: Readonly<Record<string, string>> = {
  'enable.auto.commit': `${NO_GROUP}, so it never commits offsets (group.id is only used to read committed offsets).`,
  'auto.commit.interval.ms': `${NO_GROUP}, so it never commits offsets.`,
  'session.timeout.ms': `${NO_GROUP}, so there is no group session.`,
  'heartbeat.interval.ms': `${NO_GROUP}, so it sends no heartbeats.`,
  'max.poll.records': 'There is no poll loop with a record limit; fetch.max.bytes and max.partition.fetch.bytes bound each fetch.',
  'max.poll.interval.ms': `${NO_GROUP}, so slow processing cannot cause a rebalance.`,
  'partition.assignment.strategy': `${NO_GROUP}; the table's partition list decides what is read.`,
  'group.instance.id': `${NO_GROUP}, so static membership does not apply.`,
  'group.protocol': `${NO_GROUP}, so the group protocol does not apply.`,
  'group.remote.assignor': `${NO_GROUP}, so server-side assignors do not apply.`,
  'exclude.internal.topics': 'Applies to pattern subscriptions; a table reads one named topic.',
  'allow.auto.create.topics': 'Topic Tables only reads existing topics and never asks the broker to create one.',
  'check.crcs': 'kafkajs has no switch for record CRC checks.',
  'receive.buffer.bytes': 'kafkajs uses the operating system socket buffer sizes; it has no option for them.',
  'send.buffer.bytes': 'kafkajs uses the operating system socket buffer sizes; it has no option for them.',
  'connections.max.idle.ms': 'kafkajs has no idle-connection timeout; it keeps connections open with TCP keep-alive.',
  'client.dns.lookup': 'Host names are resolved by Node with the operating system resolver; kafkajs has no DNS lookup modes.',
  'interceptor.classes': 'Java classes cannot be loaded; the app decodes records itself.',
  'metric.reporters': 'Java client metrics do not exist here; the app reports its own table statistics.',
  'auto.include.jmx.reporter': 'There is no JMX; the app reports its own table statistics.',
  'enable.metrics.push': 'Java client metrics do not exist here, so none are pushed to the broker.',
  'socket.connection.setup.timeout.max.ms':
    'kafkajs uses one fixed connection timeout (socket.connection.setup.timeout.ms); it does not grow it.',
  'security.providers': 'JVM security providers do not apply; TLS is done by Node (OpenSSL).',
  'metadata.recovery.strategy': 'kafkajs has no re-bootstrap setting; it falls back to bootstrap.servers on its own.',
  'metadata.recovery.rebootstrap.trigger.ms': 'kafkajs has no re-bootstrap setting; it falls back to bootstrap.servers on its own.',
  'ssl.keymanager.algorithm': 'JVM key-manager choice; TLS is done by Node (OpenSSL).',
  'ssl.trustmanager.algorithm': 'JVM trust-manager choice; TLS is done by Node (OpenSSL).',
  'ssl.secure.random.implementation': 'JVM random-number source; TLS is done by Node (OpenSSL).',
  'ssl.provider': 'JVM security provider; TLS is done by Node (OpenSSL).'
}

/** Families of known properties with no effect here, matched by prefix. */
export const IGNORED_PREFIXES: readonly { prefix: string; reason: string }[] = [
  { prefix: 'metrics.', reason: 'Java client metrics do not exist here; the app reports its own table statistics.' },
  { prefix: 'sasl.kerberos.', reason: 'Used only by the GSSAPI (Kerberos) mechanism, which is not supported; no effect with PLAIN or SCRAM.' },
  { prefix: 'sasl.oauthbearer.', reason: 'Used only by the OAUTHBEARER mechanism, which is not supported; no effect with PLAIN or SCRAM.' },
  { prefix: 'sasl.login.refresh.', reason: 'Credential refresh exists only for GSSAPI and OAUTHBEARER; no effect with PLAIN or SCRAM.' },
  { prefix: 'sasl.login.retry.backoff.', reason: 'Used only by OAUTHBEARER token logins; no effect with PLAIN or SCRAM.' },
  { prefix: 'sasl.login.connect.timeout.ms', reason: 'Used only by OAUTHBEARER token logins; no effect with PLAIN or SCRAM.' },
  { prefix: 'sasl.login.read.timeout.ms', reason: 'Used only by OAUTHBEARER token logins; no effect with PLAIN or SCRAM.' }
]

/** Known Java properties that would change behaviour here but cannot be honoured: always an error. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  'ssl.engine.factory.class': 'a custom Java SSL engine cannot be loaded. Remove it and configure TLS with the ssl.truststore.*/ssl.keystore.* PEM settings.',
  'sasl.login.class': 'a custom Java login class cannot be loaded. Remove it; PLAIN and SCRAM credentials come from sasl.jaas.config.',
  'sasl.login.callback.handler.class': 'a custom Java callback handler cannot be loaded. Remove it; PLAIN and SCRAM credentials come from sasl.jaas.config.',
  'sasl.client.callback.handler.class': 'a custom Java callback handler cannot be loaded. Remove it; PLAIN and SCRAM credentials come from sasl.jaas.config.'
}

/** Schema-registry settings, passed through untouched. */
export const REGISTRY_KEYS: readonly string[] = [
  'schema.registry.url',
  'basic.auth.credentials.source',
  'basic.auth.user.info',
  'specific.avro.reader',
  'use.latest.version',
  'auto.register.schemas'
]
export const REGISTRY_PREFIXES: readonly string[] = ['schema.registry.', 'bearer.auth.']

export type KeyKind = 'mapped' | 'ignored' | 'unsupported' | 'registry' | 'unknown'

const MAPPED_SET = new Set(MAPPED_KEYS)
const REGISTRY_SET = new Set(REGISTRY_KEYS)

export function classifyKey(key: string): KeyKind {
  if (MAPPED_SET.has(key)) return 'mapped'
  if (Object.prototype.hasOwnProperty.call(IGNORED_KEYS, key)) return 'ignored'
  if (IGNORED_PREFIXES.some((p) => key.startsWith(p.prefix))) return 'ignored'
  if (Object.prototype.hasOwnProperty.call(UNSUPPORTED_KEYS, key)) return 'unsupported'
  if (REGISTRY_SET.has(key) || REGISTRY_PREFIXES.some((p) => key.startsWith(p) && key.length > p.length)) return 'registry'
  return 'unknown'
}

const SUGGESTABLE = [...MAPPED_KEYS, ...Object.keys(IGNORED_KEYS), ...Object.keys(UNSUPPORTED_KEYS), ...REGISTRY_KEYS]

function normalize(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '.')
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}

/** The known property closest to an unknown one, when it is close enough to look like a typo. */
export function suggestKey(key: string): string | undefined {
  const wanted = normalize(key)
  if (wanted.length === 0) return undefined
  return closestKey(wanted, SUGGESTABLE, Math.max(2, Math.floor(wanted.length / 5)))
}

/** The first of `candidates` nearest to `wanted` by edit distance, when that distance is at most `limit`. */
export function closestKey(wanted: string, candidates: readonly string[], limit: number): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}
