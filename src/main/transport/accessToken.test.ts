import { describe, expect, it } from 'vitest'
import { createAccessToken, hasAccessToken } from './accessToken'

describe('access tokens', () => {
  it('are long, URL-safe and different every time', () => {
    const token = createAccessToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createAccessToken()).not.toBe(token)
  })

  it('are found in the request URL query', () => {
    expect(hasAccessToken('/?token=abc', 'abc')).toBe(true)
    expect(hasAccessToken('/rpc?x=1&token=a%2Bb', 'a+b')).toBe(true)
  })

  it('reject missing, empty, wrong and differently sized tokens', () => {
    expect(hasAccessToken(undefined, 'abc')).toBe(false)
    expect(hasAccessToken('/', 'abc')).toBe(false)
    expect(hasAccessToken('/?token=', 'abc')).toBe(false)
    expect(hasAccessToken('/?token=abd', 'abc')).toBe(false)
    expect(hasAccessToken('/?token=abcd', 'abc')).toBe(false)
    expect(hasAccessToken('/?Token=abc', 'abc')).toBe(false)
  })
})
