import { z } from 'zod'

/** Where a connection attempt failed, most specific first. */
export const ConnectionFailureKindSchema = z.enum(['CONFIG', 'DNS', 'REFUSED', 'TIMEOUT', 'TLS', 'SASL', 'ACL', 'REGISTRY', 'OTHER'])
export type ConnectionFailureKind = z.infer<typeof ConnectionFailureKindSchema>

const Check = z.object({
  status: z.enum(['ok', 'failed', 'skipped']),
  /** What was found, or the exact failure (never a secret). */
  detail: z.string(),
  failure: ConnectionFailureKindSchema.optional()
})

export const ConnectionReportSchema = z.object({
  ok: z.boolean(),
  durationMs: z.number(),
  brokers: z.array(z.object({ nodeId: z.number().int(), host: z.string(), port: z.number().int() })),
  clusterId: z.string().nullable(),
  controllerId: z.number().int().nullable(),
  /** "4.4" or "≥ 4.0 (from the API versions it supports)" where the broker does not say. */
  kafkaVersion: z.string().nullable(),
  topicCount: z.number().int().nullable(),
  kafka: Check,
  authentication: Check,
  registry: Check
})
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>
