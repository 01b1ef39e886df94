import { isIP } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { connect as netConnect } from 'node:net'
import type { ISocketFactory } from 'kafkajs'

const KEEP_ALIVE_MS = 60_000

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
 * kafkajs's socket factory (same options, same keep-alive) that also reports the first certificate rejection: kafkajs
 * retries a failed handshake like a dropped connection (~9 s by default), and a certificate does not get better.
 */
export function certificateWatchingSockets(): { socketFactory: ISocketFactory; failure: Promise<never> } {
  let reject: (e: Error) => void = () => {}
  const failure = new Promise<never>((_, r) => (reject = r))
  failure.catch(() => undefined)
  const socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
    const socket = ssl ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...ssl }, onConnect) : netConnect({ host, port }, onConnect)
    socket.setKeepAlive(true, KEEP_ALIVE_MS)
    socket.once('error', (e) => {
      if (isCertificateError(e)) reject(e)
    })
    return socket
  }
  return { socketFactory, failure }
}
