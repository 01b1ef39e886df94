import type { z } from 'zod'
import type { CellValueSchema } from '../../../../shared/model/views'

/** One cell as the engine sends it: numbers, decimal strings (int64, timestamps in epoch ns), base64 bytes, booleans, null. */
export type CellValue = z.infer<typeof CellValueSchema>
