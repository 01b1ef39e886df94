// Proves the test broker and each of its listeners work with kafkajs directly (no app code):
// PLAINTEXT, SASL_PLAINTEXT (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512), SSL and SASL_SSL.
import { createRequire } from 'node:module'
import net from 'node:net'
import { Partitioners } from 'kafkajs'
import type { Kafka, KafkaMessage } from 'kafkajs'
import { describe, expect, it } from 'vitest'
import {
  bootstrap,
  brokerVersion,
  createTopic,
  hasSecuredListeners,
  kafkaFor,
  listGroups,
  produce,
  services,
  uniqueTopic,
  withAdmin
} from '../support/testEnv'
import type { SaslMechanism } from '../support/testEnv'

/** Produces one message with `kafka` and reads it back through a consumer group of the same client. */
async function roundTrip(kafka: Kafka, topic: string): Promise<KafkaMessage> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  try {
    await producer.send({ topic, messages: [{ key: 'k', value: `hello ${topic}` }] })
  } finally {
    await producer.disconnect()
  }
  return (await consume(kafka, topic, 1))[0]!
}

async function consume(kafka: Kafka, topic: string, count: number, groupId = `${topic}-group`): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId })
  const received: KafkaMessage[] = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topic, fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after receiving ${received.length}/${count} messages`)), 30_000)
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message)
            if (received.length >= count) {
              clearTimeout(timer)
              resolve()
            }
          }
        })
        .catch(reject)
    })
  } finally {
    await consumer.disconnect()
  }
  return received
}

/** ApiVersions v0 over a plain socket: the broker's [min, max] version per API key. */
async function brokerApiVersions(address: string): Promise<Map<number, [number, number]>> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))]
  const clientId = Buffer.from('api-versions-probe')
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length)
  body.writeInt16BE(18, 0) // ApiVersions
  body.writeInt16BE(0, 2) // v0
  body.writeInt32BE(1, 4) // correlation id
  body.writeInt16BE(clientId.length, 8)
  clientId.copy(body, 10)
  const size = Buffer.alloc(4)
  size.writeInt32BE(body.length)
  const response = await new Promise<Buffer>((resolve, reject) => {
    const socket = net.connect({ host, port })
    let data = Buffer.alloc(0)
    socket.setTimeout(5000, () => socket.destroy(new Error('ApiVersions timed out')))
    socket.on('error', reject)
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk])
      if (data.length >= 4 && data.length >= 4 + data.readInt32BE(0)) {
        socket.end()
        resolve(data.subarray(4, 4 + data.readInt32BE(0)))
      }
    })
    socket.write(Buffer.concat([size, body]))
  })
  expect(response.readInt16BE(4)).toBe(0) // error code
  const versions = new Map<number, [number, number]>()
  const n = response.readInt32BE(6)
  for (let i = 0, off = 10; i < n; i++, off += 6) {
    versions.set(response.readInt16BE(off), [response.readInt16BE(off + 2), response.readInt16BE(off + 4)])
  }
  return versions
}

describe(`test broker (Kafka ${brokerVersion()})`, () => {
  it('every API kafkajs implements negotiates to a version the broker accepts', async () => {
    // kafkajs sends min(its newest version, broker max); Kafka 4 dropped old versions (KIP-896).
    const require = createRequire(import.meta.url)
    const { requests } = require('kafkajs/src/protocol/requests') as { requests: Record<string, { versions: string[] }> }
    const apiKeys = require('kafkajs/src/protocol/requests/apiKeys') as Record<string, number>
    const broker = await brokerApiVersions(bootstrap('PLAINTEXT'))
    const problems: string[] = []
    for (const [name, def] of Object.entries(requests)) {
      if (def.versions.length === 0) continue // not implemented by kafkajs
      const kafkajsMax = Math.max(...def.versions.map(Number))
      const range = broker.get(apiKeys[name]!)
      if (!range) problems.push(`${name}: not supported by the broker at all`)
      else if (Math.min(kafkajsMax, range[1]) < range[0]) {
        problems.push(`${name}: kafkajs max v${kafkajsMax} < broker min v${range[0]}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('PLAINTEXT: produce and consume keys, values, partitions, timestamps and headers', async () => {
    const topic = await createTopic(uniqueTopic('broker-plaintext'), 2)
    const timestamp = Date.UTC(2024, 0, 2, 3, 4, 5)
    await produce(topic, [
      { key: Buffer.from([0, 1, 2]), value: Buffer.from('{"a":1}'), partition: 0, timestamp, headers: { h1: 'x', h2: Buffer.from([0xff]) } },
      { key: null, value: Buffer.from('second'), partition: 1, timestamp: timestamp + 1 },
      { key: 'k3', value: null, partition: 1, timestamp: timestamp + 2 }
    ])
    const groupId = `${topic}-group`
    const kafka = kafkaFor('PLAINTEXT')
    const messages = await consume(kafka, topic, 3, groupId)
    const byTs = new Map(messages.map((m) => [Number(m.timestamp), m]))
    const first = byTs.get(timestamp)!
    expect(first.key).toEqual(Buffer.from([0, 1, 2]))
    expect(first.value?.toString()).toBe('{"a":1}')
    expect(first.headers?.h1?.toString()).toBe('x')
    expect(first.headers?.h2).toEqual(Buffer.from([0xff]))
    expect(byTs.get(timestamp + 1)!.key).toBeNull()
    expect(byTs.get(timestamp + 2)!.value).toBeNull()

    expect((await listGroups()).map((g) => g.groupId)).toContain(groupId)
    const committed = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }))
    const offsets = committed[0]!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)
    expect(offsets).toEqual(['1', '2'])
  })
})

describe.skipIf(!hasSecuredListeners())('secured listeners', () => {
  const mechanisms: SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']

  it.each(mechanisms)('SASL_PLAINTEXT with %s: round trip as alice', async (mechanism) => {
    const topic = await createTopic(uniqueTopic(`broker-sasl-${mechanism.toLowerCase()}`))
    const message = await roundTrip(kafkaFor('SASL_PLAINTEXT', { mechanism }), topic)
    expect(message.value?.toString()).toBe(`hello ${topic}`)
  })

  it.each(mechanisms)('SASL_PLAINTEXT with %s: a wrong password is an authentication error', async (mechanism) => {
    const admin = kafkaFor('SASL_PLAINTEXT', {
      mechanism,
      credentials: { username: services().sasl!.users[0]!.username, password: 'wrong-password' },
      retries: 0
    }).admin()
    await expect(admin.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' })
    await admin.disconnect()
  })

  it('SSL: round trip when trusting the test CA', async () => {
    const topic = await createTopic(uniqueTopic('broker-ssl'))
    const message = await roundTrip(kafkaFor('SSL'), topic)
    expect(message.value?.toString()).toBe(`hello ${topic}`)
  })

  it('SSL: the handshake fails without the test CA', async () => {
    const admin = kafkaFor('SSL', { trustTestCa: false, retries: 0 }).admin()
    await expect(admin.connect()).rejects.toThrow(/self[- ]signed certificate/)
    await admin.disconnect()
  })

  it('SASL_SSL with SCRAM-SHA-512: round trip as alice', async () => {
    const topic = await createTopic(uniqueTopic('broker-sasl-ssl'))
    const message = await roundTrip(kafkaFor('SASL_SSL', { mechanism: 'SCRAM-SHA-512' }), topic)
    expect(message.value?.toString()).toBe(`hello ${topic}`)
  })
})
