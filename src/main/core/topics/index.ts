export { AdminPool, DEFAULT_ADMIN_IDLE_MS } from './adminPool'
export { describeTopicDetails, isInternalTopic, listTopicSummaries } from './readTopics'
export { TOPIC_NOT_FOUND, TOPICS_UNAVAILABLE, toTopicsError } from './topicErrors'
