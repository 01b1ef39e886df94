import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { PreviewArgsSchema, PreviewResultSchema, SampleArgsSchema, SampleRecordSchema } from '../model/preview'

/** A look at a topic before a table is opened: the columns and first rows a spec gives, or raw sample records. */
export const preview = defineContract('preview', {
  /** Opens the table from the chosen offsets, waits for `limit` rows or the timeout, closes it and returns them. */
  previewTable: call(PreviewArgsSchema, PreviewResultSchema),
  /** The first records' key or value bytes as text, from the beginning of every partition. */
  sampleRecords: call(SampleArgsSchema, z.object({ records: z.array(SampleRecordSchema) }))
})
