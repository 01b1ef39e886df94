import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type { TableStatus } from '../../../../shared/model/tables'
import type { Api } from '../../ipc/api'
import type { TableSession } from './tableSession'

/** The table's status (row count, rates, lag, errors; ≤ 4/s), for the tab header. Follows the session when the tab reopens it. */
export function useTableStatus(session: Ref<TableSession>, api: Pick<Api, 'tables'>) {
  const status = shallowRef<TableStatus | null>(null)
  const ended = shallowRef<string | null>(null)

  watch(
    session,
    (current, _previous, onCleanup) => {
      status.value = null
      ended.value = null
      const stop = api.tables.onTableStatus(
        { tableId: current.tableId },
        (next) => (status.value = next),
        (error) => {
          if (!current.closed) ended.value = error.message
        }
      )
      onCleanup(stop)
    },
    { immediate: true }
  )

  onScopeDispose(() => (status.value = null))
  return { status, ended }
}
