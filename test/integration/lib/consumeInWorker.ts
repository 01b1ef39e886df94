import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { ALL_PARTITIONS_SEEK_TO_BEGINNING, consume, KeyValueSpec, simpleSpec, TableType } from '../../../src/main/core'

const { config, topic } = workerData as { config: Record<string, string>; topic: string }
void (async () => {
  const table = await consume(config, topic, {
    offsets: ALL_PARTITIONS_SEEK_TO_BEGINNING,
    keySpec: KeyValueSpec.IGNORE,
    valueSpec: simpleSpec('V', 'string'),
    tableType: TableType.append()
  })
  await new Promise<void>((resolve) => {
    const stop = table.onUpdate(() => {
      if (table.size >= 1) {
        stop()
        resolve()
      }
    })
  })
  const [row] = table.rows()
  await table.close()
  parentPort!.postMessage({ size: table.size, value: row.V, isMainThread })
})()
