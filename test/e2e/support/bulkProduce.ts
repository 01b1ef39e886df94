import { Partitioners } from 'kafkajs'
import { kafkaFor, type TestMessage } from '../../support/testEnv'

/**
 * Produces `count` messages made by `make(i)` with one producer, in batches of `batchSize` (a million small
 * records in ~20 s). Keep a batch under the broker's 1 MB request limit (10,000 small records): bigger ones make
 * kafkajs crawl. With `inFlight` > 1 batches may land out of order within a partition.
 */
export async function produceMany(topic: string, count: number, make: (i: number) => TestMessage, batchSize = 10_000, inFlight = 1): Promise<void> {
  const producer = kafkaFor('PLAINTEXT').producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
  const batch = (from: number) => {
    const messages = []
    for (let i = from; i < Math.min(count, from + batchSize); i++) {
      const m = make(i)
      messages.push({ key: m.key ?? null, value: m.value, ...(m.partition !== undefined ? { partition: m.partition } : {}) })
    }
    return producer.send({ topic, acks: 1, messages })
  }
  await producer.connect()
  try {
    for (let from = 0; from < count; from += batchSize * inFlight) {
      const sends = []
      for (let k = 0; k < inFlight && from + k * batchSize < count; k++) sends.push(batch(from + k * batchSize))
      await Promise.all(sends)
    }
  } finally {
    await producer.disconnect()
  }
}

/** A value as Kafka's IntegerSerializer writes it. */
export function int32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeInt32BE(n)
  return b
}
