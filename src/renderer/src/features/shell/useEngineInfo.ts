import { onScopeDispose, shallowRef } from 'vue'
import type { EngineInfo } from '../../../../shared/contracts/engine'
import { errorMessage } from '../../../../shared/ipc/errors'
import type { Api } from '../../ipc/api'
import type { Transport } from '../../../../shared/ipc/transport'

/** Facts about the engine for the status bar; refreshed every few seconds (the open-tables count changes). */
export function useEngineInfo(api: Pick<Api, 'engine'>, transport: Pick<Transport, 'onClose'>, refreshMs = 3000) {
  const info = shallowRef<EngineInfo | null>(null)
  const problem = shallowRef<string | null>(null)
  const connected = shallowRef(true)

  async function refresh(): Promise<void> {
    if (!connected.value) return
    try {
      info.value = await api.engine.getInfo()
      problem.value = null
    } catch (e) {
      if (!info.value) problem.value = errorMessage(e)
    }
  }

  transport.onClose(() => (connected.value = false))
  void refresh()
  const timer = setInterval(() => void refresh(), refreshMs)
  onScopeDispose(() => clearInterval(timer))

  return { info, problem, connected, refresh }
}
