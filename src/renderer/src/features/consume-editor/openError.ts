import { isAppError, errorMessage } from '../../../../shared/ipc/errors'

export interface OpenErrorView {
  readonly code: string
  readonly title: string
  readonly message: string
  /** KAFKA_CONFIG: one line per property that is wrong. */
  readonly problems: readonly { key: string; problem: string }[]
}

const TITLES: Record<string, string> = {
  UNKNOWN_TOPIC: 'Topic not found',
  BROKER_UNREACHABLE: 'Cannot reach the brokers',
  AUTHENTICATION_FAILED: 'Authentication failed',
  TLS_FAILED: 'TLS handshake failed',
  NOT_AUTHORIZED: 'Not authorized',
  CLUSTER_ERROR: 'Kafka error',
  KAFKA_CONFIG: 'Invalid Kafka configuration',
  BAD_SPEC: 'Invalid key or value spec',
  BAD_OFFSETS: 'Invalid offsets',
  BAD_OPTIONS: 'Invalid table options',
  BAD_ARGS: 'Invalid request',
  CLOSED: 'No connection to the engine'
}

/** What the form shows for an openTable failure: a title for the code, the engine's message, the problems list. */
export function describeOpenError(error: unknown): OpenErrorView {
  if (!isAppError(error)) return { code: 'ERROR', title: 'Could not open the table', message: errorMessage(error), problems: [] }
  const problems = problemsOf(error.details)
  // KAFKA_CONFIG's message repeats the problems one a line; the list says it better.
  const message = problems.length > 0 ? `${problems.length} propert${problems.length === 1 ? 'y needs' : 'ies need'} fixing:` : error.message
  return { code: error.code, title: TITLES[error.code] ?? 'Could not open the table', message, problems }
}

function problemsOf(details: unknown): { key: string; problem: string }[] {
  const list = (details as { problems?: unknown } | undefined)?.problems
  if (!Array.isArray(list)) return []
  return list
    .filter((p): p is { key: string; problem: string } => typeof p?.key === 'string' && typeof p?.problem === 'string')
    .map((p) => ({ key: p.key, problem: p.problem }))
}

/** The editor field an open failure is about and what to say there, to show the reason at the field too. */
export function fieldErrorOf(error: OpenErrorView, connection: 'profile' | 'adhoc'): { field: string; reason: string } | null {
  const at = (field: string, reason = error.title) => ({ field, reason })
  switch (error.code) {
    case 'UNKNOWN_TOPIC':
      return at('topic')
    case 'BROKER_UNREACHABLE':
    case 'AUTHENTICATION_FAILED':
    case 'TLS_FAILED':
    case 'PROFILE_NOT_FOUND':
      return at(connection === 'profile' ? 'profileId' : 'bootstrapServers')
    case 'KAFKA_CONFIG':
      return at('extraProperties')
    case 'BAD_OFFSETS':
      return at('offsets')
    case 'BAD_SPEC': {
      // "valueSpec: …" (consume()) or "value: …" (the IPC spec translation)
      const match = /^(key|value)(?:Spec)?: ?(.*)$/s.exec(error.message)
      return match ? at(`${match[1]}.kind`, match[2]) : null
    }
    default:
      return null
  }
}
