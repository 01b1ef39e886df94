import { join } from 'node:path'
import { WorkspaceSchema, type Workspace } from '../../../shared/model/workspace'
import { withoutSecretProperties } from '../kafka/config/secrets'
import { removeTempFiles, writeFileAtomic } from '../profiles/atomicWrite'
import { nodeFs, type FsLayer } from '../profiles/fsLayer'

export const WORKSPACE_FILE = 'workspace.json'

/** The saved workspace in the user-data folder: written atomically, one save at a time, last one wins. */
export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly fs: FsLayer = nodeFs
  ) {}

  async load(): Promise<{ workspace: Workspace | null; problem?: string }> {
    await this.fs.mkdir(this.dir)
    await removeTempFiles(this.fs, this.dir)
    const bytes = await this.fs.readFile(join(this.dir, WORKSPACE_FILE))
    if (bytes === undefined) return { workspace: null }
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch (e) {
      return { workspace: null, problem: `${WORKSPACE_FILE} is not valid JSON (${(e as Error).message}); starting with no tabs.` }
    }
    const parsed = WorkspaceSchema.safeParse(json)
    if (!parsed.success) return { workspace: null, problem: `${WORKSPACE_FILE} is not a workspace this version can read; starting with no tabs.` }
    return { workspace: parsed.data }
  }

  /** Saves without the secret-looking properties of ad-hoc tabs; returns which were dropped. */
  save(workspace: Workspace): Promise<{ droppedProperties: string[] }> {
    const run = this.queue.then(async () => {
      const { cleaned, dropped } = withoutSecrets(workspace)
      await this.fs.mkdir(this.dir)
      await writeFileAtomic(this.fs, this.dir, WORKSPACE_FILE, Buffer.from(JSON.stringify(cleaned, null, 2), 'utf8'), 0o600)
      return { droppedProperties: dropped }
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}

function withoutSecrets(workspace: Workspace): { cleaned: Workspace; dropped: string[] } {
  const dropped = new Set<string>()
  const tabs = workspace.tabs.map((tab) => {
    const { kept, dropped: left } = withoutSecretProperties(tab.args.properties)
    left.forEach((key) => dropped.add(key))
    return { ...tab, args: { ...tab.args, properties: kept } }
  })
  return { cleaned: { ...workspace, tabs }, dropped: [...dropped].sort() }
}
