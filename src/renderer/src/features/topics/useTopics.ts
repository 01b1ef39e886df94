import { shallowRef } from 'vue'
import type { TopicDetails, TopicSummary } from '../../../../shared/model/topics'
import type { Api } from '../../ipc/api'

type TopicsApi = Pick<Api, 'topics'>

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The topics of one profile's cluster and the details of the topic picked. */
export function useTopics(api: TopicsApi, profileId: string) {
  const topics = shallowRef<TopicSummary[]>([])
  const loading = shallowRef(false)
  const loaded = shallowRef(false)
  const error = shallowRef<string | null>(null)
  const selected = shallowRef<string | null>(null)
  const details = shallowRef<TopicDetails | null>(null)
  const detailsError = shallowRef<string | null>(null)
  let detailsSeq = 0

  async function refresh(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      topics.value = (await api.topics.listTopics({ profileId })).topics
      loaded.value = true
      if (selected.value !== null) await select(selected.value)
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  async function select(topic: string): Promise<void> {
    const seq = ++detailsSeq
    selected.value = topic
    detailsError.value = null
    if (details.value?.name !== topic) details.value = null
    try {
      const result = await api.topics.describeTopic({ profileId, topic })
      if (seq === detailsSeq) details.value = result
    } catch (e) {
      if (seq === detailsSeq) detailsError.value = messageOf(e)
    }
  }

  return { topics, loading, loaded, error, selected, details, detailsError, refresh, select }
}
