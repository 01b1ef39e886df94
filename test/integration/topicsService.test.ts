import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../src/shared/ipc/errors'
import { topics as topicsContract } from '../../src/shared/contracts/topics'
import { FileSecretCipher, ProfileStore } from '../../src/main/core/profiles'
import { TopicsService } from '../../src/main/core/services/topicsService'
import { AdminPool } from '../../src/main/core/topics'
import type { SaveProfileArgs } from '../../src/shared/model/profiles'
import { SASL_USER, bootstrap, createTopic, hasSecuredListeners, plaintextProfile, produce, uniqueTopic } from '../support/testEnv'
import { makeTempDir } from '../support/tempDirs'

function args(overrides: Partial<SaveProfileArgs> = {}): SaveProfileArgs {
  return { ...plaintextProfile('Browse'), ...overrides }
}

describe('TopicsService against the real broker', () => {
  let store: ProfileStore
  let service: TopicsService
  let topic: string
  beforeAll(async () => {
    store = await ProfileStore.open(makeTempDir('topics-test-'), new FileSecretCipher())
    service = new TopicsService({ kafkaProperties: (id) => store.kafkaProperties(id), profileName: (id) => store.get(id).name }, new AdminPool(5_000))
    topic = await createTopic(uniqueTopic('browse'), 3, { 'retention.ms': '3600000' })
    await produce(topic, [
      { value: 'a', partition: 0 },
      { value: 'b', partition: 0 },
      { value: 'c', partition: 2 }
    ])
  })
  afterAll(() => service.close())

  it('lists topics with partitions, internal flag and message totals', async () => {
    const profile = await store.save(args())
    const { topics } = topicsContract.members.listTopics.result.parse(await service.listTopics({ profileId: profile.id }))
    expect(topics.find((t) => t.name === topic)).toEqual({ name: topic, partitions: 3, internal: false, messages: 3 })
    const offsetsTopic = topics.find((t) => t.name === '__consumer_offsets')
    if (offsetsTopic !== undefined) expect(offsetsTopic.internal).toBe(true)
  })

  it('takes the internal flag from Kafka, not from the name', async () => {
    const underscored = await createTopic(`__${uniqueTopic('tool-state')}`, 1)
    const profile = await store.save(args())
    const { topics } = await service.listTopics({ profileId: profile.id })
    expect(topics.find((t) => t.name === underscored)).toMatchObject({ internal: false, partitions: 1, messages: 0 })
  })

  it('describes a topic: per-partition leader, replicas, isr, offsets; its own configs', async () => {
    const profile = await store.save(args())
    const details = topicsContract.members.describeTopic.result.parse(await service.describeTopic({ profileId: profile.id, topic }))
    expect(details.partitions.map((p) => [p.partition, p.firstOffset, p.lastOffset, p.messages])).toEqual([
      [0, '0', '2', 2],
      [1, '0', '0', 0],
      [2, '0', '1', 1]
    ])
    expect(details.partitions[0]?.replicas.length).toBe(1)
    expect(details.partitions[0]?.isr).toEqual(details.partitions[0]?.replicas)
    expect(details.configs).toContainEqual({ name: 'retention.ms', value: '3600000' })
  })

  it('an unknown topic is UNKNOWN_TOPIC naming the topic and the profile', async () => {
    const profile = await store.save(args({ name: 'Named profile' }))
    const error = await service.describeTopic({ profileId: profile.id, topic: 'no-such-topic-xyz' }).catch((e: unknown) => e)
    expect(isAppError(error, 'UNKNOWN_TOPIC')).toBe(true)
    expect((error as Error).message).toContain("'no-such-topic-xyz'")
    expect((error as Error).message).toContain("'Named profile'")
  })

  it('an unreachable cluster fails with a message naming the profile and the servers', async () => {
    const profile = await store.save(args({ name: 'Nowhere', bootstrapServers: '127.0.0.1:1', extraProperties: [{ key: 'retry.backoff.ms', value: '50' }, { key: 'retry.backoff.max.ms', value: '100' }] }))
    const error = await service.listTopics({ profileId: profile.id }).catch((e: unknown) => e)
    expect(isAppError(error, 'TOPICS_UNAVAILABLE')).toBe(true)
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1.*'Nowhere'.*REFUSED/)
  })

  it('the admin pool keeps one admin per profile, replaces it when the properties change and closes it when idle', async () => {
    const pool = new AdminPool(200)
    const props = { 'bootstrap.servers': bootstrap('PLAINTEXT') }
    const first = await pool.use('p', props, async ({ admin }) => admin)
    expect(await pool.use('p', props, async ({ admin }) => admin)).toBe(first)
    const changed = await pool.use('p', { ...props, 'client.id': 'other' }, async ({ admin }) => admin)
    expect(changed).not.toBe(first)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await pool.use('p', { ...props, 'client.id': 'other' }, async ({ admin }) => admin)).not.toBe(changed)
    await pool.closeAll()
  })

  it.runIf(hasSecuredListeners())('reads through a SASL profile, and the error never holds its password', async () => {
    const good = await store.save(
      args({ bootstrapServers: bootstrap('SASL_PLAINTEXT'), securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN', username: SASL_USER.username, password: SASL_USER.password } })
    )
    expect((await service.listTopics({ profileId: good.id })).topics.map((t) => t.name)).toContain(topic)
    const bad = await store.save(
      args({ bootstrapServers: bootstrap('SASL_PLAINTEXT'), securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN', username: SASL_USER.username, password: 'bad-pw-1234' } })
    )
    const error = await service.listTopics({ profileId: bad.id }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('[SASL]')
    expect((error as Error).message).not.toContain('bad-pw-1234')
  })
})
