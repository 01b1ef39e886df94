import { describe, expect, it } from 'vitest'
import { KafkaConfigError, translateKafkaConfig, type KafkaProperties } from '../config'

const BASE = { 'bootstrap.servers': 'localhost:9092' }

function problems(props: KafkaProperties): { key: string; problem: string }[] {
  try {
    translateKafkaConfig(props)
  } catch (e) {
    if (e instanceof KafkaConfigError) return e.problems
    throw e
  }
  return []
}

describe('bootstrap.servers', () => {
  it('parses a comma-separated list, tolerating whitespace, empty entries and listener prefixes', () => {
    const out = translateKafkaConfig({ 'bootstrap.servers': ' PLAINTEXT://a.example.com:9092 ,b:9093,, SASL_SSL://10.0.0.1:9096/ ,' })
    expect(out.brokers).toEqual(['a.example.com:9092', 'b:9093', '10.0.0.1:9096'])
    expect(out.kafkajs.brokers).toEqual(out.brokers)
  })

  it('is required', () => {
    expect(problems({})).toEqual([{ key: 'bootstrap.servers', problem: expect.stringContaining('is required') }])
    expect(problems({ 'bootstrap.servers': null })[0]!.problem).toContain('is required')
    expect(problems({ 'bootstrap.servers': ' , ' })[0]!.problem).toContain('is empty')
  })

  it('reports each bad entry', () => {
    const p = problems({ 'bootstrap.servers': 'good:1,nohost,bad host:9092,h:0,h:70000,h:port,[::1]:9092,fe80::1:9092' })
    expect(p).toHaveLength(7)
    expect(p.every((x) => x.key === 'bootstrap.servers')).toBe(true)
    expect(p[0]!.problem).toContain('"nohost" has no port')
    expect(p[1]!.problem).toContain('valid host name')
    expect(p[2]!.problem).toContain('valid port')
    expect(p[5]!.problem).toContain('IPv6')
    expect(p[6]!.problem).toContain('IPv6')
  })

  it('must be text', () => {
    expect(problems({ 'bootstrap.servers': 9092 })[0]!.problem).toContain('must be text')
  })
})

describe('client and consumer settings', () => {
  it('maps ids, offsets, isolation and rack', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'client.id': 'viewer',
      'group.id': 42,
      'client.rack': 'use1-az1',
      'auto.offset.reset': 'EARLIEST',
      'isolation.level': 'read_committed'
    })
    expect(out.kafkajs.clientId).toBe('viewer')
    expect(out.consumer).toMatchObject({ groupId: '42', rackId: 'use1-az1', autoOffsetReset: 'earliest', isolationLevel: 'read_committed' })
    expect(translateKafkaConfig({ ...BASE, 'auto.offset.reset': 'none', 'group.id': '' }).consumer).toMatchObject({ autoOffsetReset: 'none' })
    expect(translateKafkaConfig({ ...BASE, 'group.id': '' }).consumer.groupId).toBeUndefined()
  })

  it('rejects unknown offset-reset and isolation values', () => {
    const p = problems({ ...BASE, 'auto.offset.reset': 'smallest', 'isolation.level': 'READ-COMMITTED' })
    expect(p).toEqual([
      { key: 'auto.offset.reset', problem: 'must be one of earliest, latest, none, not "smallest".' },
      { key: 'isolation.level', problem: 'must be one of read_uncommitted, read_committed, not "READ-COMMITTED".' }
    ])
  })

  it('maps sizes and timeouts given as numbers or text', () => {
    const out = translateKafkaConfig({
      ...BASE,
      'request.timeout.ms': '15000',
      'socket.connection.setup.timeout.ms': 3000,
      'default.api.timeout.ms': ' 20000 ',
      'fetch.max.wait.ms': 100,
      'fetch.min.bytes': '0',
      'fetch.max.bytes': 1048576,
      'max.partition.fetch.bytes': '65536',
      'metadata.max.age.ms': 60000
    })
    expect(out.kafkajs).toMatchObject({ requestTimeout: 15000, connectionTimeout: 3000, authenticationTimeout: 3000 })
    expect(out.consumer).toMatchObject({
      defaultApiTimeoutMs: 20000,
      fetchMaxWaitMs: 100,
      fetchMinBytes: 0,
      fetchMaxBytes: 1048576,
      maxPartitionFetchBytes: 65536,
      metadataMaxAgeMs: 60000
    })
  })

  it.each([
    ['request.timeout.ms', 'abc', 'must be a whole number of milliseconds, not "abc"'],
    ['request.timeout.ms', 0, 'must be at least 1'],
    ['fetch.max.bytes', -5, 'must not be negative'],
    ['fetch.max.bytes', '-5', 'must not be negative'],
    ['fetch.min.bytes', 1.5, 'must be a whole number of bytes'],
    ['fetch.min.bytes', '1e3', 'must be a whole number of bytes'],
    ['metadata.max.age.ms', 2 ** 31, 'must be at most 2147483647'],
    ['fetch.max.wait.ms', true, 'not the boolean true'],
    ['retry.backoff.ms', '', 'must be a whole number'],
    ['reconnect.backoff.max.ms', -1, 'must not be negative']
  ])('rejects %s = %o', (key, value, message) => {
    const p = problems({ ...BASE, [key]: value })
    expect(p).toEqual([{ key, problem: expect.stringContaining(message) }])
  })

  it('maps backoffs to kafkajs retry', () => {
    expect(translateKafkaConfig({ ...BASE }).kafkajs.retry).toBeUndefined()
    expect(translateKafkaConfig({ ...BASE, 'retry.backoff.ms': 100, 'reconnect.backoff.max.ms': 1000 }).kafkajs.retry).toEqual({
      initialRetryTime: 100,
      maxRetryTime: 1000
    })
    expect(translateKafkaConfig({ ...BASE, 'reconnect.backoff.ms': 50 }).kafkajs.retry).toEqual({ initialRetryTime: 50 })
    expect(
      translateKafkaConfig({ ...BASE, 'retry.backoff.ms': 200, 'reconnect.backoff.ms': 50, 'retry.backoff.max.ms': 5000, 'reconnect.backoff.max.ms': 1000 })
        .kafkajs.retry
    ).toEqual({ initialRetryTime: 200, maxRetryTime: 5000 })
    // A backoff above the maximum is held at the maximum, as in Java.
    expect(translateKafkaConfig({ ...BASE, 'retry.backoff.ms': 3000, 'retry.backoff.max.ms': 1000 }).kafkajs.retry).toEqual({
      initialRetryTime: 1000,
      maxRetryTime: 1000
    })
  })
})
