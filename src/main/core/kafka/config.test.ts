import { describe, expect, it } from 'vitest'
import { KafkaConfigError, translateKafkaConfig, type KafkaProperties } from './config'

const BASE = { 'bootstrap.servers': 'localhost:9092' }

function fail(props: KafkaProperties, readFile?: (path: string) => string): KafkaConfigError {
  try {
    translateKafkaConfig(props, readFile)
  } catch (e) {
    if (e instanceof KafkaConfigError) return e
    throw e
  }
  throw new Error('expected a KafkaConfigError')
}

describe('translateKafkaConfig', () => {
  it('translates a minimal config with Java defaults', () => {
    const out = translateKafkaConfig({ ...BASE })
    expect(out.brokers).toEqual(['localhost:9092'])
    expect(out.kafkajs).toEqual({
      brokers: ['localhost:9092'],
      clientId: 'topic-tables',
      connectionTimeout: 10000,
      authenticationTimeout: 10000,
      requestTimeout: 30000
    })
    expect(out.consumer).toEqual({
      autoOffsetReset: 'latest',
      isolationLevel: 'read_uncommitted',
      fetchMaxWaitMs: 500,
      fetchMinBytes: 1,
      fetchMaxBytes: 52428800,
      maxPartitionFetchBytes: 1048576,
      metadataMaxAgeMs: 300000,
      defaultApiTimeoutMs: 60000
    })
    expect(out.table).toEqual({
      partitionColumn: 'KafkaPartition',
      offsetColumn: 'KafkaOffset',
      timestampColumn: 'KafkaTimestamp',
      receiveTimeColumn: null,
      keyBytesColumn: null,
      valueBytesColumn: null,
      keyColumnName: 'KafkaKey',
      valueColumnName: 'KafkaValue'
    })
    expect(out.registry).toEqual({})
    expect(out.ignoredKeys).toEqual([])
    expect(out.kafkajs.ssl).toBeUndefined()
    expect(out.kafkajs.sasl).toBeUndefined()
  })

  it('translates a typical Deephaven consume() config', () => {
    const out = translateKafkaConfig({
      'bootstrap.servers': 'redpanda:29092',
      'group.id': 'analysts',
      'client.id': 'my-laptop',
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': 'false',
      'key.deserializer': 'org.apache.kafka.common.serialization.StringDeserializer',
      'value.deserializer': 'org.apache.kafka.common.serialization.LongDeserializer',
      'deephaven.partition.column.name': '',
      'deephaven.value.column.name': 'Price',
      'schema.registry.url': 'http://registry:8081'
    })
    expect(out.kafkajs.clientId).toBe('my-laptop')
    expect(out.consumer.groupId).toBe('analysts')
    expect(out.consumer.autoOffsetReset).toBe('earliest')
    expect(out.table.partitionColumn).toBeNull()
    expect(out.table.keyColumnType).toBe('string')
    expect(out.table.valueColumnType).toBe('int64')
    expect(out.table.valueColumnName).toBe('Price')
    expect(out.registry).toEqual({ 'schema.registry.url': 'http://registry:8081' })
    expect(out.ignoredKeys).toEqual(['enable.auto.commit'])
  })

  it('reports every problem at once, one line per problem naming the key', () => {
    const e = fail({
      'bootstrap.server': 'localhost:9092',
      'fetch.min.bytes': -1,
      'request.timeout.ms': 'soon',
      'auto.offset.reset': 'smallest',
      'isolation.level': 'serializable',
      'sasl.mechanism': 'PLAIN',
      'deephaven.key.column.type': 'char',
      'value.deserializer': 'com.example.MyDeserializer'
    })
    const keys = e.problems.map((p) => p.key)
    expect(keys).toEqual(
      expect.arrayContaining([
        'bootstrap.server',
        'bootstrap.servers',
        'fetch.min.bytes',
        'request.timeout.ms',
        'auto.offset.reset',
        'isolation.level',
        'sasl.mechanism',
        'deephaven.key.column.type',
        'value.deserializer'
      ])
    )
    expect(e.problems).toHaveLength(9)
    const lines = e.message.split('\n')
    expect(lines).toHaveLength(e.problems.length)
    e.problems.forEach((p, i) => expect(lines[i]).toBe(`${p.key}: ${p.problem}`))
    expect(e.name).toBe('KafkaConfigError')
    expect(e).toBeInstanceOf(Error)
  })

  it('suggests the closest known key for a typo', () => {
    const e = fail({ 'bootstrap.server': 'localhost:9092' })
    expect(e.problems.find((p) => p.key === 'bootstrap.server')?.problem).toContain("Did you mean 'bootstrap.servers'?")
    const e2 = fail({ ...BASE, 'auto.ofset.reset': 'earliest', 'deephaven.partiton.column.name': '' })
    expect(e2.message).toContain("auto.ofset.reset: is not a known Kafka consumer property. Did you mean 'auto.offset.reset'?")
    expect(e2.message).toContain("Did you mean 'deephaven.partition.column.name'?")
  })

  it('rejects unknown keys without a suggestion when nothing is close, even with a null value', () => {
    const e = fail({ ...BASE, 'completely.unrelated.setting': null })
    expect(e.problems).toHaveLength(1)
    expect(e.problems[0]!.key).toBe('completely.unrelated.setting')
    expect(e.problems[0]!.problem).not.toContain('Did you mean')
    expect(e.problems[0]!.problem).toContain('docs/kafka-properties.md')
  })

  it('rejects unknown deephaven.* keys', () => {
    const e = fail({ ...BASE, 'deephaven.table.type': 'append' })
    expect(e.problems[0]).toMatchObject({ key: 'deephaven.table.type' })
    expect(e.problems[0]!.problem).toContain('not a Deephaven table property')
  })

  it('never crashes on odd input', () => {
    const odd = {
      'bootstrap.servers': { host: 'x' },
      'client.id': [1, 2],
      'fetch.max.bytes': Number.NaN,
      'fetch.min.bytes': Infinity,
      'metadata.max.age.ms': 1.5,
      'request.timeout.ms': true,
      'deephaven.offset.column.name': 42,
      'deephaven.key.column.name': false,
      'group.id': undefined,
      'schema.registry.url': {}
    } as unknown as KafkaProperties
    const e = fail(odd)
    expect(e.problems.map((p) => p.key).sort()).toEqual(
      [
        'bootstrap.servers',
        'client.id',
        'deephaven.key.column.name',
        'deephaven.offset.column.name',
        'fetch.max.bytes',
        'fetch.min.bytes',
        'metadata.max.age.ms',
        'request.timeout.ms',
        'schema.registry.url'
      ].sort()
    )
    for (const bad of [null, undefined, 'text', 42, [], new Map()]) {
      expect(() => translateKafkaConfig(bad as unknown as KafkaProperties)).toThrow(KafkaConfigError)
    }
  })

  it('treats null as unset', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'client.id': null,
      'group.id': null,
      'auto.offset.reset': null,
      'fetch.max.wait.ms': null,
      'ssl.truststore.location': null,
      'sasl.jaas.config': null,
      'enable.auto.commit': null,
      'schema.registry.url': null
    })
    expect(out.kafkajs.clientId).toBe('topic-tables')
    expect(out.consumer.groupId).toBeUndefined()
    expect(out.consumer.autoOffsetReset).toBe('latest')
    expect(out.consumer.fetchMaxWaitMs).toBe(500)
    expect(out.ignoredKeys).toEqual([])
    expect(out.registry).toEqual({})
  })

  it('does not treat __proto__ and friends specially', () => {
    const props = JSON.parse('{"bootstrap.servers":"h:1","__proto__":"x","constructor":1}') as KafkaProperties
    const e = fail(props)
    expect(e.problems.map((p) => p.key).sort()).toEqual(['__proto__', 'constructor'])
  })

  it('redacts secrets in every message', () => {
    const secrets = ['hunter2-jaas', 'hunter2-key', 'hunter2-store', 'hunter2-trust', 'hunter2-userinfo', 'hunter2-inline']
    const e = fail({
      ...BASE,
      'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="bob" password="hunter2-jaas"',
      'ssl.key.password': 'hunter2-key',
      'ssl.keystore.password': 'hunter2-store',
      'ssl.truststore.password': 'hunter2-trust',
      'ssl.keystore.key': 'hunter2-inline',
      'basic.auth.user.info': 'bob:hunter2-userinfo',
      'sasl.jaas.confg': 'hunter2-jaas'
    })
    expect(e.problems.length).toBeGreaterThanOrEqual(6)
    for (const s of secrets) expect(e.message).not.toContain(s)
    expect(e.message).not.toContain('bob')
  })

  it('redacts secrets in value errors of secret keys', () => {
    const e = fail({ ...BASE, 'security.protocol': 'SSL', 'ssl.key.password': 12345678 })
    expect(e.message).not.toContain('12345678')
  })

  it('lists known but inapplicable Java properties in ignoredKeys', () => {
    const ignored = {
      'enable.auto.commit': true,
      'auto.commit.interval.ms': 5000,
      'session.timeout.ms': 45000,
      'heartbeat.interval.ms': 3000,
      'max.poll.records': 500,
      'max.poll.interval.ms': 300000,
      'partition.assignment.strategy': 'org.apache.kafka.clients.consumer.RangeAssignor',
      'group.instance.id': 'me',
      'group.protocol': 'consumer',
      'group.remote.assignor': 'uniform',
      'exclude.internal.topics': true,
      'allow.auto.create.topics': false,
      'check.crcs': true,
      'receive.buffer.bytes': 65536,
      'send.buffer.bytes': 131072,
      'connections.max.idle.ms': 540000,
      'client.dns.lookup': 'use_all_dns_ips',
      'interceptor.classes': '',
      'metric.reporters': '',
      'metrics.num.samples': 2,
      'metrics.recording.level': 'INFO',
      'metrics.sample.window.ms': 30000,
      'auto.include.jmx.reporter': true,
      'enable.metrics.push': true,
      'socket.connection.setup.timeout.max.ms': 30000,
      'security.providers': ''
    }
    const out = translateKafkaConfig({ ...BASE, ...ignored })
    expect(out.ignoredKeys).toEqual(Object.keys(ignored))
  })

  it('rejects known Java properties that cannot be honoured', () => {
    const e = fail({ ...BASE, 'security.protocol': 'SASL_SSL', 'sasl.login.callback.handler.class': 'com.example.Handler' })
    expect(e.problems.find((p) => p.key === 'sasl.login.callback.handler.class')?.problem).toContain('not supported')
  })

  it('passes schema-registry settings through untouched', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'schema.registry.url': 'https://r:8081',
      'schema.registry.ssl.truststore.location': '/x.pem',
      'basic.auth.credentials.source': 'USER_INFO',
      'basic.auth.user.info': 'u:p',
      'bearer.auth.token': 't',
      'specific.avro.reader': false,
      'use.latest.version': true,
      'auto.register.schemas': false
    })
    expect(out.registry).toEqual({
      'schema.registry.url': 'https://r:8081',
      'schema.registry.ssl.truststore.location': '/x.pem',
      'basic.auth.credentials.source': 'USER_INFO',
      'basic.auth.user.info': 'u:p',
      'bearer.auth.token': 't',
      'specific.avro.reader': 'false',
      'use.latest.version': 'true',
      'auto.register.schemas': 'false'
    })
  })

  it('returns brokers separately from the kafkajs config', () => {
    const out = translateKafkaConfig({ 'bootstrap.servers': 'a:1,b:2' })
    expect(out.brokers).toEqual(['a:1', 'b:2'])
    expect(out.kafkajs.brokers).toEqual(out.brokers)
    expect(out.kafkajs.brokers).not.toBe(out.brokers)
  })

  it('uses the file system by default to read PEM files', () => {
    const e = fail({ ...BASE, 'security.protocol': 'SSL', 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': '/nonexistent/ca.pem' })
    expect(e.problems).toEqual([{ key: 'ssl.truststore.location', problem: expect.stringContaining('/nonexistent/ca.pem') }])
  })
})
