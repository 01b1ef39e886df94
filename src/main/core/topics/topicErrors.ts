import { AppError } from '../../../shared/ipc/errors'
import { KafkaConfigError } from '../kafka/config'
import { classifyFailure } from '../connectionTest/classifyFailure'

export const TOPIC_NOT_FOUND = 'UNKNOWN_TOPIC'
export const TOPICS_UNAVAILABLE = 'TOPICS_UNAVAILABLE'

/** An error of the topic browser as an AppError naming the profile, the topic and what went wrong. */
export function toTopicsError(e: unknown, where: { profileName: string; topic?: string; brokers?: readonly string[] }): AppError {
  if (e instanceof AppError) return e
  const of = `profile '${where.profileName}'`
  if (e instanceof KafkaConfigError) return new AppError('BAD_PROFILE_SETTINGS', `The Kafka settings of ${of} are invalid: ${e.message}`)
  const { kind, message } = classifyFailure(e)
  const type = (e as { type?: unknown }).type
  if (where.topic !== undefined && type === 'UNKNOWN_TOPIC_OR_PARTITION') {
    return new AppError(TOPIC_NOT_FOUND, `Topic '${where.topic}' does not exist on the cluster of ${of}.`)
  }
  const at = where.brokers === undefined || where.brokers.length === 0 ? '' : ` at ${where.brokers.join(', ')}`
  const what = where.topic === undefined ? 'listing the topics' : `reading topic '${where.topic}'`
  return new AppError(TOPICS_UNAVAILABLE, `Kafka${at} (${of}) failed while ${what} [${kind}]: ${message}`, { failure: kind })
}
