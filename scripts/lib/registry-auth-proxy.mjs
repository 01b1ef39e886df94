#!/usr/bin/env node
// Authenticating reverse proxy in front of the test schema registry (Apicurio has no simple basic
// auth of its own: its basic auth is a front for OIDC). Started detached by registry-services.mjs so it
// outlives `services.mjs up`; stopped by PID in `down` (or by the watchdog when the owner dies).
//
//   node scripts/lib/registry-auth-proxy.mjs <port> <target> <user> <password> [<token>]
//
// Listens on 127.0.0.1:<port>. A request passes only with `Authorization: Basic base64(user:password)`
// or `Authorization: Bearer <token>`; anything else gets 401 with a Confluent-style JSON error body
// ({"error_code":401,"message":...}). Passing requests are forwarded unchanged (method, path, query,
// body; minus the Authorization header) to <target> (e.g. http://127.0.0.1:8081), and the answer is
// streamed back. Node builtins only.
import crypto from 'node:crypto'
import http from 'node:http'

const [portArg, targetArg, user, password, token] = process.argv.slice(2)
if (!portArg || !targetArg || user === undefined || password === undefined) {
  process.stderr.write('usage: registry-auth-proxy.mjs <port> <target> <user> <password> [<token>]\n')
  process.exit(2)
}
const port = Number(portArg)
const target = new URL(targetArg)
if (target.protocol !== 'http:') {
  process.stderr.write(`registry-auth-proxy: only http:// targets are supported, got ${target.protocol}\n`)
  process.exit(2)
}
const targetPrefix = target.pathname.replace(/\/+$/, '')
const expectedBasic = Buffer.from(`${user}:${password}`, 'utf8')
const expectedToken = token ? Buffer.from(token, 'utf8') : null
const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 32 })

function safeEqual(a, b) {
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** 'ok' | 'missing' | 'invalid' */
function checkAuth(header) {
  if (!header) return 'missing'
  const m = /^(\w+)\s+(.+)$/.exec(header.trim())
  if (!m) return 'invalid'
  const scheme = m[1].toLowerCase()
  if (scheme === 'basic') {
    return safeEqual(Buffer.from(m[2], 'base64'), expectedBasic) ? 'ok' : 'invalid'
  }
  if (scheme === 'bearer' && expectedToken) {
    return safeEqual(Buffer.from(m[2], 'utf8'), expectedToken) ? 'ok' : 'invalid'
  }
  return 'invalid'
}

function log(line) {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`)
}

function sendError(res, status, message, extraHeaders = {}) {
  const body = JSON.stringify({ error_code: status, message })
  res.writeHead(status, {
    'content-type': 'application/vnd.schemaregistry.v1+json',
    'content-length': Buffer.byteLength(body),
    ...extraHeaders
  })
  res.end(body)
}

const server = http.createServer((req, res) => {
  const auth = checkAuth(req.headers.authorization)
  if (auth !== 'ok') {
    log(`${req.method} ${req.url} -> 401 (${auth} credentials)`)
    // Drain the request body so keep-alive clients can reuse the connection.
    req.resume()
    sendError(
      res,
      401,
      auth === 'missing' ? 'Unauthorized: credentials required' : 'Unauthorized: invalid credentials',
      { 'www-authenticate': 'Basic realm="schema-registry", charset="UTF-8"' }
    )
    return
  }
  const headers = { ...req.headers, host: target.host }
  delete headers.authorization
  const upstream = http.request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port || 80,
      method: req.method,
      path: targetPrefix + req.url,
      headers,
      agent: upstreamAgent
    },
    (up) => {
      log(`${req.method} ${req.url} -> ${up.statusCode}`)
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    }
  )
  upstream.on('error', (err) => {
    log(`${req.method} ${req.url} -> 502 (${err.code ?? err.message})`)
    if (!res.headersSent) sendError(res, 502, `registry-auth-proxy: upstream ${target.origin} failed: ${err.code ?? err.message}`)
    else res.destroy()
  })
  req.pipe(upstream)
})

server.keepAliveTimeout = 5000
server.on('error', (err) => {
  process.stderr.write(`registry-auth-proxy: ${err.message}\n`)
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  log(`registry-auth-proxy listening on http://127.0.0.1:${port} -> ${target.origin}${targetPrefix}`)
})

const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections?.()
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
