import { isMainThread } from 'node:worker_threads'
import type { ImplOf } from '../../../shared/ipc/contract'
import type { engine } from '../../../shared/contracts/engine'

const startedAt = Date.now()

export class EngineService implements ImplOf<typeof engine> {
  constructor(private readonly openTables: () => number = () => 0) {}

  getInfo() {
    return { version: '0.1.0', isWorkerThread: !isMainThread, uptimeMs: Date.now() - startedAt, openTables: this.openTables() }
  }
}
