import { describe, expect, it } from 'vitest'
import { isCertificateError } from './certificateFailures'

describe('isCertificateError', () => {
  it('knows the certificate rejections that retrying cannot fix, and nothing else', () => {
    const err = (code: string) => Object.assign(new Error(code), { code })
    expect(isCertificateError(err('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(true)
    expect(isCertificateError(err('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe(true)
    expect(isCertificateError(err('CERT_HAS_EXPIRED'))).toBe(true)
    expect(isCertificateError(err('ECONNREFUSED'))).toBe(false)
    expect(isCertificateError(err('ECONNRESET'))).toBe(false)
    expect(isCertificateError(undefined)).toBe(false)
  })
})
