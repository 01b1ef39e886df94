import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, ClusterError, consume, KeyValueSpec, simpleSpec, TableType } from '../../src/main/core'
import { clientTlsFiles, createTopic, hasSecuredListeners, jaasConfig, produce, saslPlaintextConfig, saslSslConfig, sslConfig, uniqueTopic, type JavaProps } from '../support/testEnv'
import { tableTracker, waitForSize } from './lib/waitFor'

const tables = tableTracker()
afterEach(() => tables.closeAll())

describe.runIf(hasSecuredListeners())('secured listeners', () => {
  let topic: string
  beforeAll(async () => {
    topic = await createTopic(uniqueTopic('secured'), 1)
    await produce(topic, [{ value: 'secret' }])
  })

  const read = async (config: JavaProps) => {
    const t = tables.track(
      await consume({ ...config, 'default.api.timeout.ms': '15000' }, topic, {
        offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
        keySpec: KeyValueSpec.IGNORE,
        valueSpec: simpleSpec('V', 'string'),
        tableType: TableType.append()
      })
    )
    await waitForSize(t, 1)
    expect(t.rows()[0].V).toBe('secret')
  }

  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const)('SASL_PLAINTEXT with %s', async (mechanism) => {
    await read(saslPlaintextConfig(mechanism))
  })

  it('SSL with a PEM truststore', async () => {
    await read(sslConfig())
  })

  it('SSL with a client certificate (PEM keystore)', async () => {
    const { clientKeystore, keyPassword } = clientTlsFiles()
    await read({ ...sslConfig(), 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': clientKeystore, 'ssl.key.password': keyPassword })
  })

  it('SASL_SSL with SCRAM-SHA-512', async () => {
    await read(saslSslConfig('SCRAM-SHA-512'))
  })

  it('a wrong password is an authentication error that names the servers and hides the password', async () => {
    const config: JavaProps = { ...saslPlaintextConfig('SCRAM-SHA-256'), 'sasl.jaas.config': jaasConfig('SCRAM-SHA-256', { username: 'alice', password: 'wrong-password' }) }
    const error = await consume(config, topic, { keySpec: KeyValueSpec.IGNORE, valueSpec: simpleSpec('V', 'string') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterError)
    expect((error as ClusterError).code).toBe('AUTHENTICATION_FAILED')
    expect((error as Error).message).toContain(config['bootstrap.servers'])
    expect((error as Error).message).not.toContain('wrong-password')
  })

  it('TLS without the test CA fails as a TLS error at once (a rejected certificate is not retried)', async () => {
    const config: JavaProps = { ...sslConfig() }
    delete config['ssl.truststore.type']
    delete config['ssl.truststore.location']
    const started = Date.now()
    const error = await consume({ ...config, 'default.api.timeout.ms': '10000' }, topic, { keySpec: KeyValueSpec.IGNORE, valueSpec: simpleSpec('V', 'string') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterError)
    expect((error as ClusterError).code).toBe('TLS_FAILED')
    expect((error as Error).message).toMatch(/certificate/)
    expect(Date.now() - started).toBeLessThan(3_000) // kafkajs alone retries the handshake for ~9 s
  })
})
