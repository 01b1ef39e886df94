/**
 * Minimal HTTP(S) transport for the registry client on node:http / node:https (not the global fetch:
 * Node 20's fetch cannot take a custom CA or client certificate without the separate `undici` package).
 * Keep-alive agents per client; one timer bounds the whole exchange (connect, TLS, headers, body).
 */
import http from 'node:http'
import https from 'node:https'
import type { ConnectionOptions } from 'node:tls'

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Absolute URL. */
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

export interface TransportResponse {
  status: number
  contentType: string
  body: string
}

/** A request that got no HTTP answer. `code`: the Node error code, or TIMEOUT / BODY_TOO_LARGE / CLOSED. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

/** Largest response body accepted (a schema is a few KB; a subject list a few hundred KB). */
const MAX_BODY_BYTES = 64 * 1024 * 1024

const TLS_CODES: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the registry certificate is not signed by a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the registry certificate is not signed by a trusted CA',
  SELF_SIGNED_CERT_IN_CHAIN: 'the registry certificate chain ends in an untrusted self-signed CA',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the registry certificate is self-signed and not trusted',
  CERT_HAS_EXPIRED: 'the registry certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: "the registry certificate does not match the URL's host name"
}

export function describeNetworkError(err: unknown): { code: string; text: string } {
  const e = err as NodeJS.ErrnoException & { reason?: string }
  const code = e?.code ?? 'ERROR'
  if (err instanceof TransportError) return { code: err.code, text: err.message }
  const tls = TLS_CODES[code]
  if (tls) {
    return {
      code,
      text: `TLS: ${tls} (${code}); set schema.registry.ssl.truststore.type=PEM with schema.registry.ssl.truststore.location or .certificates to trust its CA`
    }
  }
  switch (code) {
    case 'ECONNREFUSED':
      return { code, text: 'connection refused (ECONNREFUSED): nothing listens there' }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code, text: `host name not found (${code})` }
    case 'ECONNRESET':
      return { code, text: 'connection reset by the server (ECONNRESET)' }
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code, text: `network unreachable (${code})` }
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return { code, text: `TLS handshake failed (${code}); is it an https URL for an http server, or the other way round?` }
    default:
      return { code, text: e?.message ? (e.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message) : String(err) }
  }
}

export class Transport {
  private readonly httpAgent: http.Agent
  private readonly httpsAgent: https.Agent
  private closed = false
  private readonly inFlight = new Set<http.ClientRequest>()

  constructor(tls: ConnectionOptions) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 })
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16, ...tls })
  }

  request(req: TransportRequest): Promise<TransportResponse> {
    if (this.closed) return Promise.reject(new TransportError('CLOSED', 'the registry client is closed'))
    const url = new URL(req.url)
    const secure = url.protocol === 'https:'
    const lib = secure ? https : http
    return new Promise<TransportResponse>((resolve, reject) => {
      let settled = false
      const finish = (err: Error | null, value?: TransportResponse): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.inFlight.delete(request)
        if (err) reject(err)
        else resolve(value!)
      }
      const headers: Record<string, string> = { ...req.headers }
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
      const request = lib.request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || (secure ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          method: req.method,
          headers,
          agent: secure ? this.httpsAgent : this.httpAgent
        },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_BODY_BYTES) {
              request.destroy(new TransportError('BODY_TOO_LARGE', `the answer is larger than ${MAX_BODY_BYTES} bytes`))
              return
            }
            chunks.push(chunk)
          })
          res.on('end', () =>
            finish(null, {
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8')
            })
          )
          res.on('error', (err) => finish(err))
          res.on('aborted', () => finish(new TransportError('ECONNRESET', 'the connection closed before the answer was complete')))
        }
      )
      const timer = setTimeout(() => {
        request.destroy(new TransportError('TIMEOUT', `no answer within ${req.timeoutMs} ms (schema.registry.request.timeout.ms)`))
      }, req.timeoutMs)
      this.inFlight.add(request)
      request.on('error', (err) => finish(err))
      request.end(req.body)
    })
  }

  /** Aborts requests in flight and closes idle keep-alive connections. */
  close(): void {
    this.closed = true
    for (const r of this.inFlight) r.destroy(new TransportError('CLOSED', 'the registry client was closed'))
    this.inFlight.clear()
    this.httpAgent.destroy()
    this.httpsAgent.destroy()
  }
}
