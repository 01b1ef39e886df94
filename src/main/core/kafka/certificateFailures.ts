import type { ISocketFactory } from 'kafkajs'
import createSocketFactory from 'kafkajs/src/network/socketFactory.js'

/** Node's codes for a certificate the client will never accept, however often it retries. */
const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

export function isCertificateError(e: unknown): boolean {
  return CERTIFICATE_CODES.has((e as NodeJS.ErrnoException | undefined)?.code ?? '')
}

/**
 * kafkajs's own socket factory, also reporting the first certificate rejection: kafkajs retries a failed handshake
 * like a dropped connection (~9 s by default), and a certificate does not get better.
 */
export function certificateWatchingSockets(): { socketFactory: ISocketFactory; failure: Promise<never> } {
  let reject: (e: Error) => void = () => {}
  const failure = new Promise<never>((_, r) => (reject = r))
  failure.catch(() => undefined)
  const kafkajsSockets = createSocketFactory()
  const socketFactory: ISocketFactory = (options) => {
    const socket = kafkajsSockets(options)
    socket.once('error', (e) => {
      if (isCertificateError(e)) reject(e)
    })
    return socket
  }
  return { socketFactory, failure }
}
