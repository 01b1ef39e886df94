export {
  COMPATIBILITY_LEVELS,
  DEFAULT_SUBJECT_CACHE_TTL_MS,
  SCHEMA_TYPES,
  createRegistryClient
} from './client'
export type {
  CompatibilityLevel,
  CompatibilitySetting,
  RegistryClient,
  RegistryClientOptions,
  RegistrySchema,
  ResolvedReference,
  SchemaReference,
  SchemaType,
  SchemaTypeExpectation,
  SubjectVersion
} from './client'
export { RegistryConfigError, RegistryError } from './errors'
export type { RegistryErrorCode, RegistryErrorDetails } from './errors'
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  REGISTRY_SETTING_KEYS,
  hasRegistrySettings,
  isRegistryKey,
  registrySettingsFromProperties
} from './settings'
export type { RegistryAuth, RegistryEndpoint, RegistryPropertyValue, RegistrySettings } from './settings'
export { MAGIC_BYTE, WIRE_HEADER_SIZE, readWireHeader, writeWireHeader } from './wireFormat'
export type { WireHeader } from './wireFormat'
