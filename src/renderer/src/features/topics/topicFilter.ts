import type { TopicSummary } from '../../../../shared/model/topics'

/** The topics whose name contains `search` (any case), internal ones only when asked for. */
export function filterTopics(topics: readonly TopicSummary[], search: string, showInternal: boolean): TopicSummary[] {
  const needle = search.trim().toLowerCase()
  return topics.filter((t) => (showInternal || !t.internal) && (needle === '' || t.name.toLowerCase().includes(needle)))
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
