import type { ColumnDef } from '../types'
import { createSimpleDecoder } from '../specs/simpleDecoder'
import type { HeaderOptions, LiftedHeader } from './recordHeaders'

export interface HeaderColumns {
  columns: ColumnDef[]
  json: boolean
  lifted: LiftedHeader[]
}

/** The columns the header options add after the value columns: the JSON column first, then the lifted ones. */
export function headerColumns(options: HeaderOptions): HeaderColumns {
  const lifted = (options.lift ?? []).map((l) => ({ header: Buffer.from(l.header, 'utf8'), decoder: createSimpleDecoder(l.column, l.type) }))
  const columns: ColumnDef[] = []
  if (options.column !== undefined) columns.push({ name: options.column, type: 'string' })
  for (const l of lifted) columns.push(...l.decoder.columns)
  return { columns, json: options.column !== undefined, lifted }
}
