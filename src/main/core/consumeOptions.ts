import { ALL_PARTITIONS, ALL_PARTITIONS_DONT_SEEK, type Offsets } from './api/seek'
import { KeyValueSpec } from './api/keyValueSpec'
import { TableType } from './api/tableType'
import type { ErrorPolicy } from './recordIngester'
import type { HeaderOptions } from './headers/recordHeaders'
import { COLUMN_TYPES, isScalarType } from './types'

export interface ConsumeOptions {
  /** Partition numbers to read, or ALL_PARTITIONS (the default), which also picks up partitions added later. */
  partitions?: number[] | typeof ALL_PARTITIONS
  /** Where each partition starts; default ALL_PARTITIONS_DONT_SEEK. */
  offsets?: Offsets
  keySpec?: KeyValueSpec
  valueSpec?: KeyValueSpec
  tableType?: TableType
  /** 'skip' (default): a record that cannot be decoded is recorded in table.errors and skipped; 'fail': the table stops. */
  onError?: ErrorPolicy
  /** How often rows become visible and an update is emitted; default 100 ms. */
  updateIntervalMs?: number
  /** Record headers as columns (Deephaven cannot: its issue #7813). */
  headers?: HeaderOptions
}

export class OptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OptionsError'
  }
}

export interface ValidOptions {
  partitions: number[] | typeof ALL_PARTITIONS
  offsets: Offsets
  keySpec: KeyValueSpec
  valueSpec: KeyValueSpec
  tableType: TableType
  onError: ErrorPolicy
  updateIntervalMs: number
  headers: HeaderOptions
}

export function validateOptions(topic: unknown, options: ConsumeOptions | undefined): ValidOptions {
  if (typeof topic !== 'string' || topic.trim() === '') throw new OptionsError('consume(kafkaConfig, topic): topic must be a non-empty string')
  const o = options ?? {}
  if (typeof o !== 'object') throw new OptionsError('consume(kafkaConfig, topic, options): options must be an object')
  const known = new Set(['partitions', 'offsets', 'keySpec', 'valueSpec', 'tableType', 'onError', 'updateIntervalMs', 'headers'])
  const unknown = Object.keys(o).filter((k) => !known.has(k))
  if (unknown.length > 0) throw new OptionsError(`consume options: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${[...known].join(', ')}`)

  const partitions = o.partitions ?? ALL_PARTITIONS
  if (partitions !== ALL_PARTITIONS) {
    if (!Array.isArray(partitions) || partitions.some((p) => !Number.isSafeInteger(p) || p < 0)) {
      throw new OptionsError(`partitions must be ALL_PARTITIONS or a list of partition numbers, got ${JSON.stringify(partitions)}`)
    }
    if (partitions.length === 0) throw new OptionsError('partitions is an empty list: no partition would be read')
  }
  const keySpec = o.keySpec ?? KeyValueSpec.FROM_PROPERTIES
  const valueSpec = o.valueSpec ?? KeyValueSpec.FROM_PROPERTIES
  if (keySpec.kind === 'ignore' && valueSpec.kind === 'ignore') {
    throw new OptionsError("at least one of keySpec and valueSpec must be different from KeyValueSpec.IGNORE")
  }
  const tableType = o.tableType ?? TableType.blink()
  if (tableType.kind === 'ring') TableType.ring(tableType.capacity)
  else if (tableType.kind !== 'append' && tableType.kind !== 'blink') {
    throw new OptionsError(`tableType must be TableType.append(), TableType.blink() or TableType.ring(capacity)`)
  }
  const onError = o.onError ?? 'skip'
  if (onError !== 'skip' && onError !== 'fail') throw new OptionsError(`onError must be 'skip' or 'fail', got '${String(onError)}'`)
  const updateIntervalMs = o.updateIntervalMs ?? 100
  if (typeof updateIntervalMs !== 'number' || !(updateIntervalMs >= 1) || updateIntervalMs > 60_000) {
    throw new OptionsError(`updateIntervalMs must be between 1 and 60000, got ${String(updateIntervalMs)}`)
  }
  const headers = o.headers ?? {}
  if (typeof headers !== 'object' || headers === null) throw new OptionsError('headers must be { column?, lift? }')
  if (headers.column !== undefined && (typeof headers.column !== 'string' || headers.column === '')) throw new OptionsError('headers.column must be a non-empty column name')
  for (const [i, l] of (headers.lift ?? []).entries()) {
    if (!l || typeof l.header !== 'string' || l.header === '' || typeof l.column !== 'string' || l.column === '' || !isScalarType(l.type)) {
      throw new OptionsError(`headers.lift[${i}] must be { header, column, type } with a type among ${COLUMN_TYPES.join(', ')}`)
    }
  }
  return { partitions, offsets: o.offsets ?? ALL_PARTITIONS_DONT_SEEK, keySpec, valueSpec, tableType, onError, updateIntervalMs, headers }
}
