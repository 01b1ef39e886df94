import type { ProfileDto } from '../../../../shared/model/profiles'

export function hasRegistryUrl(profile: Pick<ProfileDto, 'registry'>): boolean {
  return (profile.registry.url ?? '').trim() !== ''
}

/**
 * The profile the registry browser starts with: the one last picked (if it has a registry URL), else the
 * first with a registry URL, else the one last picked, else none.
 */
export function defaultRegistryProfile(profiles: readonly Pick<ProfileDto, 'id' | 'registry'>[], activeId: string | null): string | null {
  const active = profiles.find((p) => p.id === activeId)
  if (active && hasRegistryUrl(active)) return active.id
  return profiles.find(hasRegistryUrl)?.id ?? active?.id ?? null
}
