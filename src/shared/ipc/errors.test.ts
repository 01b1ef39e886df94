import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode, fromWireError, isAppError, toWireError } from './errors'

describe('AppError on the wire', () => {
  it('keeps code, message and details through a JSON round trip', () => {
    const wire = JSON.parse(JSON.stringify(toWireError(new AppError('VIEW_NOT_FOUND', 'No view 7', { viewId: '7' }))))
    const error = fromWireError(wire)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ name: 'AppError', code: 'VIEW_NOT_FOUND', message: 'No view 7', details: { viewId: '7' } })
  })

  it('leaves details out when there are none', () => {
    expect(toWireError(new AppError(ErrorCode.NotFound, 'gone'))).toEqual({ code: 'NOT_FOUND', message: 'gone' })
  })

  it('turns any other error into INTERNAL with its message and no stack', () => {
    expect(toWireError(new TypeError('bad type'))).toEqual({ code: 'INTERNAL', message: 'bad type' })
    expect(toWireError('plain text')).toEqual({ code: 'INTERNAL', message: 'plain text' })
    expect(toWireError({ weird: true })).toEqual({ code: 'INTERNAL', message: 'Unknown error' })
  })

  it('isAppError checks the class and, optionally, the code', () => {
    const error = new AppError(ErrorCode.Closed, 'closed')
    expect(isAppError(error)).toBe(true)
    expect(isAppError(error, 'CLOSED')).toBe(true)
    expect(isAppError(error, 'CANCELLED')).toBe(false)
    expect(isAppError(new Error('x'))).toBe(false)
  })
})
