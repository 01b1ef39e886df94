import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/ipc/errors'
import { RegistryConfigError, RegistryError } from '../registry'
import { noRegistryError, registryAppError } from './registryErrors'

describe('registryAppError', () => {
  it('keeps the client code and prefixes the profile; subject and version go into the details', () => {
    const e = registryAppError(new RegistryError('VERSION_NOT_FOUND', "version 3 of subject 'a' not found", { subject: 'a', version: 3, status: 404 }), "'Prod'")
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code: 'VERSION_NOT_FOUND', message: "Profile 'Prod': version 3 of subject 'a' not found", details: { subject: 'a', version: 3, status: 404 } })
  })

  it('reports bad registry settings with their problems', () => {
    const e = registryAppError(new RegistryConfigError([{ key: 'schema.registry.url', problem: 'is empty' }]), "'Prod'") as AppError
    expect(e.code).toBe('REGISTRY_CONFIG')
    expect(e.message).toContain("Profile 'Prod': the schema registry settings are not valid")
    expect(e.message).toContain('schema.registry.url')
  })

  it('passes AppErrors and unknown errors through', () => {
    const app = new AppError('PROFILE_NOT_FOUND', 'x')
    expect(registryAppError(app, "'p'")).toBe(app)
    const other = new Error('other')
    expect(registryAppError(other, "'p'")).toBe(other)
  })

  it('names the profile without a registry URL', () => {
    expect(noRegistryError("'Dev'")).toMatchObject({ code: 'REGISTRY_NOT_CONFIGURED', message: expect.stringContaining("Profile 'Dev' has no schema registry URL") })
  })
})
