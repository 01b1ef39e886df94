import type { WireError } from './wire'

/** The codes the RPC layer itself produces. Services add their own (`VIEW_NOT_FOUND`, ...). */
export const ErrorCode = {
  BadMessage: 'BAD_MESSAGE',
  BadArgs: 'BAD_ARGS',
  NotFound: 'NOT_FOUND',
  Internal: 'INTERNAL',
  Cancelled: 'CANCELLED',
  Closed: 'CLOSED'
} as const

/** An error meant to cross the wire: a stable `code`, a readable message and JSON-safe details. */
export class AppError extends Error {
  override readonly name = 'AppError'

  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
  }
}

export function isAppError(error: unknown, code?: string): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}

/** Anything that is not an AppError becomes INTERNAL with its message; stacks never leave the process. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details }
  }
  return { code: ErrorCode.Internal, message: errorMessage(error) }
}

export function fromWireError(error: WireError): AppError {
  return new AppError(error.code, error.message, error.details)
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : 'Unknown error'
}
