export { AdminPool, DEFAULT_ADMIN_IDLE_MS, type AdminLease } from './adminPool'
export { describeTopicDetails, listTopicSummaries } from './readTopics'
export { TOPIC_NOT_FOUND, TOPICS_UNAVAILABLE, toTopicsError } from './topicErrors'
