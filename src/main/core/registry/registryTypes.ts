// What the schema-registry client (client.ts) takes and returns.

export const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'] as const
export type SchemaType = (typeof SCHEMA_TYPES)[number]

export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE'
] as const
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number]

/** A subject's effective compatibility level and whether the subject sets it or inherits the global one. */
export interface CompatibilitySetting {
  level: CompatibilityLevel
  source: 'subject' | 'global'
}

/** A reference from one schema to another (a Protobuf import, an Avro named type, a JSON $ref). */
export interface SchemaReference {
  /** The name the referencing schema uses: the Protobuf import path, the Avro full name, the JSON $ref. */
  name: string
  subject: string
  version: number
}

export interface RegistrySchema {
  id: number
  /** AVRO when the registry leaves it out (Confluent's convention). */
  schemaType: SchemaType
  schema: string
  references: SchemaReference[]
}

export interface SubjectVersion extends RegistrySchema {
  subject: string
  version: number
}

/** A referenced schema with the name it was referenced by. */
export interface ResolvedReference extends SubjectVersion {
  name: string
}

export interface RegistryClientOptions {
  /** How long subject/version lookups (incl. 'latest') and version lists are cached, ms. Default 10000; 0 = only share in-flight requests. */
  subjectCacheTtlMs?: number
  /** Clock for the TTL (tests). */
  now?: () => number
  /** User-Agent header. */
  userAgent?: string
}

export interface SchemaTypeExpectation {
  /** Fail with WRONG_SCHEMA_TYPE unless the schema is of this type (or one of these). */
  expectedType?: SchemaType | readonly SchemaType[]
}

export interface RegistryClient {
  /** The configured base URLs, without credentials, in the order they are tried. */
  readonly urls: readonly string[]
  listSubjects(): Promise<string[]>
  listVersions(subject: string): Promise<number[]>
  getSchemaById(id: number, options?: SchemaTypeExpectation): Promise<RegistrySchema>
  getSubjectVersion(subject: string, version?: number | 'latest', options?: SchemaTypeExpectation): Promise<SubjectVersion>
  /**
   * Every schema the references point at, recursively: dependencies before the schemas that use them,
   * each (name, subject, version) once.
   */
  getReferencedSchemas(references: readonly SchemaReference[]): Promise<ResolvedReference[]>
  /** The subject's compatibility level (falling back to the global one), or the global level without a subject. */
  getCompatibility(subject?: string): Promise<CompatibilityLevel>
  /**
   * The subject's own level, or the global one (source 'global') when the subject sets none. Registries
   * that answer a subject's config with the global level (Apicurio) cannot tell the two apart: a subject
   * level equal to the global one counts as inherited.
   */
  getCompatibilitySetting(subject: string): Promise<CompatibilitySetting>
  setCompatibility(level: CompatibilityLevel, subject?: string): Promise<CompatibilityLevel>
  /** Registers a schema under a subject (or finds it already there) and returns its id. */
  register(subject: string, schema: string, schemaType?: SchemaType, references?: readonly SchemaReference[]): Promise<number>
  /** The subject version holding exactly this schema; SCHEMA_NOT_FOUND when it is not registered there. */
  lookupSchema(subject: string, schema: string, schemaType?: SchemaType, references?: readonly SchemaReference[]): Promise<SubjectVersion>
  /** Forgets every cached answer. */
  clearCache(): void
  /** Aborts requests in flight and closes idle connections; later calls fail. */
  close(): void
}
