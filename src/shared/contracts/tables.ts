import { z } from 'zod'
import { call, defineContract, event } from '../ipc/contract'
import { OpenTableArgsSchema, RecordErrorSchema, TableIdSchema, TableInfoSchema, TableStatusSchema } from '../model/tables'

const TableRef = z.object({ tableId: TableIdSchema })

/** Live tables fed by Kafka topics. A table belongs to the connection that opened it and closes with it. */
export const tables = defineContract('tables', {
  openTable: call(OpenTableArgsSchema, TableInfoSchema),
  closeTable: call(TableRef, z.void()),
  pauseTable: call(TableRef, z.void()),
  resumeTable: call(TableRef, z.void()),
  listErrors: call(TableRef, z.array(RecordErrorSchema)),
  /** Row count, rates, lag and errors; at most four times a second, and at once when the state changes. */
  onTableStatus: event(TableRef, TableStatusSchema)
})
