/**
 * Test helpers for the registry client's unit tests: a scriptable fake registry on 127.0.0.1 (HTTP or
 * HTTPS) and fixed TLS material (a test CA and a server certificate for 127.0.0.1/localhost, valid to
 * 2126, EC P-256; generated with openssl for these tests only; the keys protect nothing).
 * Not used by production code.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export const TEST_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBnTCCAUOgAwIBAgIUG/KkSdMYaRc/NvzJzBq15PHZHeswCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQUmVnaXN0cnkgVGVzdCBDQTAgFw0yNjExMjUwMzM1MzNaGA8y
MTI2MTEwMTAzMzUzM1owGzEZMBcGA1UEAwwQUmVnaXN0cnkgVGVzdCBDQTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABBjSpzOLrM+tddhKbHKmDvrcZyLsM43bXclY
h4T7B/1LxYjohkRAKPYvshb8Wks8zTHKcOyMZwvZhbpQx067/JOjYzBhMB0GA1Ud
DgQWBBTyTo0vat2ZqOJ0AHciP4hr2P/wvDAfBgNVHSMEGDAWgBTyTo0vat2ZqOJ0
AHciP4hr2P/wvDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggq
hkjOPQQDAgNIADBFAiBFgS1I7uD/dx342oUvTlIwSfl8gnB0ey3T78IE4iTYAAIh
AIDWSOvx3oU3sgp0+3VQNOAGVuy8QnJGXUx74PPf9I7J
-----END CERTIFICATE-----
`

export const TEST_SERVER_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIBsjCCAVmgAwIBAgIEASNFZzAKBggqhkjOPQQDAjAbMRkwFwYDVQQDDBBSZWdp
c3RyeSBUZXN0IENBMCAXDTI2MTEyNTAzMzUzM1oYDzIxMjYxMTAxMDMzNTMzWjAU
MRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARm
hnbzi92gBAmAky/Li3p/3yzsDMQQkxhRx9AEz68UTeGJ3rKLGZ+MXBsb2nZPD2eG
UdV/GxBUXnPkDpijgvX5o4GPMIGMMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeA
MBMGA1UdJQQMMAoGCCsGAQUFBwMBMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9z
dDAdBgNVHQ4EFgQUYtFqpLaquJHpQNFl8HNFB8yomzYwHwYDVR0jBBgwFoAU8k6N
L2rdmajidAB3Ij+Ia9j/8LwwCgYIKoZIzj0EAwIDRwAwRAIgdB56aSdRskvlaVAV
nXpy/HgbZDWXBNPJK/TY1AYP4TQCIEBMQRD94QIF6GENr690uiuZ64G1V5MufvXA
ae4qJDDn
-----END CERTIFICATE-----
`

export const TEST_SERVER_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7KOXd74juTgpnkjN
sM9gJvwqe3Kxus9W2QEKF8RM5E+hRANCAARmhnbzi92gBAmAky/Li3p/3yzsDMQQ
kxhRx9AEz68UTeGJ3rKLGZ+MXBsb2nZPD2eGUdV/GxBUXnPkDpijgvX5
-----END PRIVATE KEY-----
`

export interface RecordedRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}

export interface FakeReply {
  status?: number
  body?: unknown
  /** Raw text instead of JSON. */
  text?: string
  contentType?: string
  /** Delay before answering, ms. */
  delayMs?: number
  /** Never answer (for timeouts). */
  hang?: boolean
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | undefined

export interface FakeRegistry {
  /** Base URL, e.g. http://127.0.0.1:PORT/apis/ccompat/v7. */
  url: string
  requests: RecordedRequest[]
  /** Replaces the handler. */
  handle(handler: FakeHandler): void
  close(): Promise<void>
}

/**
 * A fake registry answering with `handler` (undefined → 404 {"error_code":404}). Paths in RecordedRequest
 * are relative to the base URL (e.g. `/schemas/ids/1`).
 */
export async function startFakeRegistry(
  handler: FakeHandler,
  opts: { tls?: boolean; basePath?: string } = {}
): Promise<FakeRegistry> {
  const basePath = opts.basePath ?? '/apis/ccompat/v7'
  const requests: RecordedRequest[] = []
  let current = handler
  const sockets = new Set<net.Socket>()
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = (req.url ?? '').startsWith(basePath) ? (req.url ?? '').slice(basePath.length) : (req.url ?? '')
      const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      const reply = current(recorded) ?? { status: 404, body: { error_code: 404, message: 'HTTP 404 Not Found' } }
      if (reply.hang) return
      const send = (): void => {
        const text = reply.text ?? JSON.stringify(reply.body ?? null)
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/vnd.schemaregistry.v1+json' })
        res.end(text)
      }
      if (reply.delayMs) setTimeout(send, reply.delayMs)
      else send()
    })
  }
  const server = opts.tls
    ? https.createServer({ cert: TEST_SERVER_CERT_PEM, key: TEST_SERVER_KEY_PEM }, listener)
    : http.createServer(listener)
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`,
    requests,
    handle(h) {
      current = h
    },
    close() {
      for (const s of sockets) s.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** A 127.0.0.1 port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
