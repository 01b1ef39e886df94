import type { registry } from '../../../shared/contracts/registry'
import type { ImplOf } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { Compatibility, SubjectSummary, SubjectVersion } from '../../../shared/model/registry'
import type { ConnectionResolver } from '../profiles/connectionResolver'

const notYet = () => Promise.reject(new AppError('NOT_IMPLEMENTED', 'The registry browser is not implemented yet'))

/** The registry browser's data: the profile's schema.registry.url and auth, through registry/client.ts. */
export class RegistryService implements ImplOf<typeof registry> {
  constructor(private readonly connections: ConnectionResolver) {}

  listSubjects({ profileId }: { profileId: string }): Promise<{ subjects: SubjectSummary[] }> {
    void this.connections.kafkaProperties(profileId)
    return notYet()
  }

  listVersions(_args: { profileId: string; subject: string }): Promise<{ versions: number[] }> {
    return notYet()
  }

  getSchema(_args: { profileId: string; subject: string; version: 'latest' | number }): Promise<SubjectVersion> {
    return notYet()
  }

  getCompatibility(_args: { profileId: string; subject: string }): Promise<Compatibility> {
    return notYet()
  }
}
