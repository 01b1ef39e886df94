import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/ipc/errors'
import { describeOpenError, fieldErrorOf } from './openError'

describe('describeOpenError', () => {
  it('titles known codes and keeps the engine message', () => {
    expect(describeOpenError(new AppError('UNKNOWN_TOPIC', "Topic 'x' does not exist on 127.0.0.1:9092"))).toEqual({
      code: 'UNKNOWN_TOPIC',
      title: 'Topic not found',
      message: "Topic 'x' does not exist on 127.0.0.1:9092",
      problems: []
    })
  })

  it('lists the problems of a Kafka configuration', () => {
    const error = new AppError('KAFKA_CONFIG', 'a: bad\nb: worse', { problems: [{ key: 'a', problem: 'bad' }, { key: 'b', problem: 'worse' }, { nope: 1 }] })
    const view = describeOpenError(error)
    expect(view.title).toBe('Invalid Kafka configuration')
    expect(view.message).toBe('2 properties need fixing:')
    expect(view.problems).toEqual([{ key: 'a', problem: 'bad' }, { key: 'b', problem: 'worse' }])
  })

  it('handles unknown codes and plain errors', () => {
    expect(describeOpenError(new AppError('WEIRD', 'hm')).title).toBe('Could not open the table')
    expect(describeOpenError(new Error('boom'))).toMatchObject({ code: 'ERROR', message: 'boom' })
  })
})

describe('fieldErrorOf', () => {
  it('names the editor field an open failure is about', () => {
    const view = (code: string, message = 'm') => describeOpenError(new AppError(code, message))
    expect(fieldErrorOf(view('UNKNOWN_TOPIC'), 'adhoc')).toEqual({ field: 'topic', reason: 'Topic not found' })
    expect(fieldErrorOf(view('BROKER_UNREACHABLE'), 'adhoc')).toMatchObject({ field: 'bootstrapServers' })
    expect(fieldErrorOf(view('AUTHENTICATION_FAILED'), 'profile')).toMatchObject({ field: 'profileId' })
    expect(fieldErrorOf(view('BAD_SPEC', "valueSpec: Column not found: 'X'"), 'adhoc')).toEqual({ field: 'value.kind', reason: "Column not found: 'X'" })
    expect(fieldErrorOf(view('BAD_SPEC', 'keySpec: two fields give the column a_b'), 'adhoc')).toEqual({ field: 'key.kind', reason: 'two fields give the column a_b' })
    expect(fieldErrorOf(view('BAD_SPEC', 'both specs are IGNORE'), 'adhoc')).toBeNull()
    expect(fieldErrorOf(view('CLUSTER_ERROR'), 'adhoc')).toBeNull()
  })
})
