export type ClusterErrorCode = 'BROKER_UNREACHABLE' | 'AUTHENTICATION_FAILED' | 'TLS_FAILED' | 'UNKNOWN_TOPIC' | 'NOT_AUTHORIZED' | 'CLUSTER_ERROR'

/** Reaching the cluster or the topic failed; the message names the servers and the topic. */
export class ClusterError extends Error {
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'ClusterError'
  }
}

interface KafkaJsError extends Error {
  type?: string
  cause?: unknown
}

const TLS_PATTERN = /certificate|self[- ]signed|SSL|TLS|handshake|altnames|ERR_TLS/i

function rootMessage(e: unknown): string {
  let current = e as KafkaJsError | undefined
  const messages: string[] = []
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.message && !messages.includes(current.message)) messages.push(current.message)
    current = current.cause as KafkaJsError | undefined
  }
  return messages.join(': ') || String(e)
}

export function toClusterError(e: unknown, brokers: readonly string[], topic: string): ClusterError {
  if (e instanceof ClusterError) return e
  const error = e as KafkaJsError
  const servers = brokers.join(', ')
  const detail = rootMessage(e)
  if (error?.type === 'UNKNOWN_TOPIC_OR_PARTITION') {
    return new ClusterError('UNKNOWN_TOPIC', `Topic '${topic}' does not exist on the cluster at ${servers}`, { cause: e })
  }
  if (error?.type === 'TOPIC_AUTHORIZATION_FAILED') {
    return new ClusterError('NOT_AUTHORIZED', `Not authorized to read topic '${topic}' on the cluster at ${servers}`, { cause: e })
  }
  if (error?.name === 'KafkaJSSASLAuthenticationError' || /SASL|authentication/i.test(detail)) {
    return new ClusterError('AUTHENTICATION_FAILED', `Authentication to Kafka at ${servers} failed: ${detail}`, { cause: e })
  }
  if (TLS_PATTERN.test(detail)) {
    return new ClusterError('TLS_FAILED', `TLS connection to Kafka at ${servers} failed: ${detail}`, { cause: e })
  }
  if (error?.name === 'KafkaJSConnectionError' || error?.name === 'KafkaJSNumberOfRetriesExceeded' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|Connection/i.test(detail)) {
    return new ClusterError('BROKER_UNREACHABLE', `Could not reach Kafka at ${servers}: ${detail}`, { cause: e })
  }
  return new ClusterError('CLUSTER_ERROR', `Kafka at ${servers}, topic '${topic}': ${detail}`, { cause: e })
}

/** Rejects with BROKER_UNREACHABLE when `work` does not settle within `ms`. */
export async function withDeadline<T>(work: Promise<T>, ms: number, brokers: readonly string[], what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ClusterError('BROKER_UNREACHABLE', `Could not reach Kafka at ${brokers.join(', ')} within ${ms} ms (${what}); the deadline is default.api.timeout.ms`)),
      ms
    )
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
