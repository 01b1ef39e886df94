import { AppError } from '../../../shared/ipc/errors'
import { RegistryConfigError, RegistryError } from '../registry'

/**
 * Turns what the registry client throws into an AppError whose message starts with the profile
 * (`Profile 'Prod': …`); the client's messages already name the URL, subject and version, never a secret.
 */
export function registryAppError(error: unknown, profile: string): unknown {
  if (error instanceof AppError) return error
  if (error instanceof RegistryConfigError) {
    return new AppError('REGISTRY_CONFIG', `Profile ${profile}: the schema registry settings are not valid: ${error.message}`, { problems: error.problems })
  }
  if (error instanceof RegistryError) {
    const details: Record<string, unknown> = {}
    if (error.subject !== undefined) details.subject = error.subject
    if (error.version !== undefined) details.version = error.version
    if (error.status !== undefined) details.status = error.status
    return new AppError(error.code, `Profile ${profile}: ${error.message}`, details)
  }
  if (error instanceof RangeError) return new AppError('BAD_ARGS', `Profile ${profile}: ${error.message}`)
  return error
}

export function noRegistryError(profile: string): AppError {
  return new AppError(
    'REGISTRY_NOT_CONFIGURED',
    `Profile ${profile} has no schema registry URL. Set one under Connections (the profile's Schema registry URL, e.g. http://localhost:8081).`
  )
}
