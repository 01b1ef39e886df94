import type { preview } from '../../../shared/contracts/preview'
import type { ImplOf, RpcContext } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { PreviewArgs, PreviewResult, SampleArgs, SampleRecord } from '../../../shared/model/preview'
import type { Table } from '../api/table'
import { consume } from '../consume'
import type { ConnectionResolver } from '../profiles/connectionResolver'
import { toAppError } from './consumeErrors'
import { sampleText } from './sampleText'
import { connectionProperties, toConsumeOptions } from './tablesService'

const PREVIEW_CYCLE_MS = 50
const SAMPLE_PARTITION = '__SamplePartition'
const SAMPLE_OFFSET = '__SampleOffset'
const SAMPLE_BYTES = '__SampleBytes'

/** Short-lived tables: the preview of a spec and raw samples for the JSON field picker. Nothing stays open. */
export class PreviewService implements ImplOf<typeof preview> {
  constructor(
    private readonly connections?: ConnectionResolver,
    private readonly consumeTable: typeof consume = consume
  ) {}

  async previewTable(args: PreviewArgs, ctx: RpcContext): Promise<PreviewResult> {
    const { limit, timeoutMs, ...open } = args
    // Append, so rows of earlier cycles stay readable whatever the table type asked for.
    const options = { ...toConsumeOptions(open), tableType: { kind: 'append' as const }, updateIntervalMs: PREVIEW_CYCLE_MS }
    return this.withTable(connectionProperties(open, this.connections), open.topic, options, limit, timeoutMs, ctx, (table) => {
      const count = Math.min(limit, table.size)
      // the cells the grid gets for a viewport, so the editor formats them as the table tab will
      const view = table.view({ sort: [], filters: [] })
      const data = count > 0 ? view.viewport(0, count - 1) : null
      view.dispose()
      return {
        columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: Array.from({ length: count }, (_, r) => (data ? data.columns.map((c) => c.values[r] ?? null) : [])),
        errors: table.errors.slice(0, limit).map((e) => ({ ...e })),
        truncated: table.size >= limit
      }
    })
  }

  async sampleRecords(args: SampleArgs, ctx: RpcContext): Promise<{ records: SampleRecord[] }> {
    const part = args.part ?? 'value'
    const sampled = { kind: 'simple' as const, columnName: SAMPLE_BYTES, type: 'bytes' as const }
    const properties = {
      ...connectionProperties({ profileId: args.profileId, properties: args.properties }, this.connections),
      'deephaven.partition.column.name': SAMPLE_PARTITION,
      'deephaven.offset.column.name': SAMPLE_OFFSET,
      'deephaven.timestamp.column.name': '',
      'deephaven.receivetime.column.name': '',
      'deephaven.keybytes.column.name': '',
      'deephaven.valuebytes.column.name': ''
    }
    const options = {
      offsets: { [-1]: -1 },
      keySpec: part === 'key' ? sampled : { kind: 'ignore' as const },
      valueSpec: part === 'value' ? sampled : { kind: 'ignore' as const },
      tableType: { kind: 'append' as const },
      updateIntervalMs: PREVIEW_CYCLE_MS
    }
    return this.withTable(properties, args.topic, options, args.limit, args.timeoutMs ?? 5_000, ctx, (table) => ({
      records: table.rows(0, Math.min(args.limit, table.size)).map((row) => ({
        partition: Number(row[SAMPLE_PARTITION]),
        offset: String(row[SAMPLE_OFFSET]),
        ...sampleText(row[SAMPLE_BYTES])
      }))
    }))
  }

  private async withTable<T>(
    properties: PreviewArgs['properties'],
    topic: string,
    options: Parameters<typeof consume>[2],
    limit: number,
    timeoutMs: number,
    ctx: RpcContext,
    read: (table: Table) => T
  ): Promise<T> {
    let table: Table
    try {
      table = await this.consumeTable(properties, topic, options)
    } catch (e) {
      throw toAppError(e)
    }
    try {
      await waitForRows(table, limit, timeoutMs, ctx.signal)
      if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The preview was cancelled')
      return read(table)
    } finally {
      await table.close()
    }
  }
}

/**
 * Resolves once the table has `limit` rows, has read every partition to its end (then one more cycle, so the last
 * rows are visible), failed, the timeout passed or the call was cancelled.
 */
function waitForRows(table: Table, limit: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let settling: NodeJS.Timeout | undefined
    const done = () => {
      clearTimeout(timer)
      clearTimeout(settling)
      clearInterval(poll)
      stopUpdates()
      stopFailure()
      signal.removeEventListener('abort', done)
      resolve()
    }
    const check = () => {
      if (table.size >= limit || table.state === 'failed') done()
      else if (settling === undefined && caughtUp(table)) settling = setTimeout(done, 3 * PREVIEW_CYCLE_MS)
    }
    const timer = setTimeout(done, timeoutMs)
    const poll = setInterval(check, PREVIEW_CYCLE_MS)
    const stopUpdates = table.onUpdate(check)
    const stopFailure = table.onFailure(done)
    signal.addEventListener('abort', done)
    check()
  })
}

/** Every partition's end is known and reached. */
function caughtUp(table: Table): boolean {
  const partitions = table.stats.partitions
  return partitions.length > 0 && partitions.every((p) => p.highWatermark !== '' && p.lag === 0)
}
