import { describe, expect, it } from 'vitest'
import { classifyFailure } from './classifyFailure'

function kafkaError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra })
}

describe('classifyFailure', () => {
  it('DNS from getaddrinfo codes', () => {
    expect(classifyFailure(Object.assign(new Error('getaddrinfo ENOTFOUND nohost'), { code: 'ENOTFOUND' })).kind).toBe('DNS')
    expect(classifyFailure(Object.assign(new Error('getaddrinfo EAI_AGAIN x'), { code: 'EAI_AGAIN' })).kind).toBe('DNS')
  })

  it('REFUSED, also when kafkajs wraps it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(classifyFailure(kafkaError('KafkaJSNumberOfRetriesExceeded', 'Connection error', { cause: refused })).kind).toBe('REFUSED')
  })

  it('SASL from the kafkajs authentication error or the protocol type', () => {
    expect(classifyFailure(kafkaError('KafkaJSSASLAuthenticationError', 'SASL SCRAM SHA512 authentication failed: Authentication failed')).kind).toBe('SASL')
    expect(classifyFailure(kafkaError('KafkaJSProtocolError', 'Request is not valid given the current SASL state', { type: 'ILLEGAL_SASL_STATE' })).kind).toBe('SASL')
  })

  it('ACL from authorization error types', () => {
    expect(classifyFailure(kafkaError('KafkaJSProtocolError', 'Cluster authorization failed', { type: 'CLUSTER_AUTHORIZATION_FAILED' })).kind).toBe('ACL')
    expect(classifyFailure(kafkaError('KafkaJSProtocolError', 'Not authorized to access topics', { type: 'TOPIC_AUTHORIZATION_FAILED' })).kind).toBe('ACL')
  })

  it('TLS from certificate and handshake errors', () => {
    const cert = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' })
    expect(classifyFailure(kafkaError('KafkaJSConnectionError', 'Connection error: self-signed certificate in certificate chain', { cause: cert })).kind).toBe('TLS')
    expect(classifyFailure(new Error('Client network socket disconnected before secure TLS connection was established')).kind).toBe('TLS')
  })

  it('TIMEOUT from timeouts', () => {
    expect(classifyFailure(kafkaError('KafkaJSConnectionError', 'Connection timeout')).kind).toBe('TIMEOUT')
    expect(classifyFailure(kafkaError('KafkaJSRequestTimeoutError', 'Request Produce(key: 0, version: 7) timed out')).kind).toBe('TIMEOUT')
  })

  it('CONFIG for invalid settings, OTHER otherwise', () => {
    expect(classifyFailure(kafkaError('KafkaConfigError', 'bootstrap.servers: has no port')).kind).toBe('CONFIG')
    expect(classifyFailure(new Error('something odd')).kind).toBe('OTHER')
  })

  it('joins the messages of the error and its causes without repeats', () => {
    const root = new Error('connect ECONNREFUSED 127.0.0.1:1')
    expect(classifyFailure(kafkaError('KafkaJSConnectionError', 'Connection error: connect ECONNREFUSED 127.0.0.1:1', { cause: root })).message).toBe(
      'Connection error: connect ECONNREFUSED 127.0.0.1:1'
    )
  })
})
