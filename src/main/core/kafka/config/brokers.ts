import type { PropertyReader } from './reader'
import { showValue } from './secrets'

const KEY = 'bootstrap.servers'
const HOST = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/

/**
 * Parses `bootstrap.servers`: a comma-separated `host:port` list. Whitespace and empty entries are
 * tolerated, and listener prefixes such as `PLAINTEXT://` or `SASL_SSL://` are stripped.
 * Returns `host:port` strings, as kafkajs expects them.
 */
export function parseBootstrapServers(reader: PropertyReader): string[] {
  if (!reader.isSet(KEY)) {
    reader.problems.add(KEY, 'is required: set it to the brokers to connect to, as a comma-separated host:port list (for example "localhost:9092").')
    return []
  }
  const text = reader.string(KEY)
  if (text === undefined) return []
  const brokers: string[] = []
  for (const raw of text.split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    const parsed = parseEntry(entry)
    if (typeof parsed === 'string') brokers.push(parsed)
    else reader.problems.add(KEY, `entry ${showValue(KEY, entry)} ${parsed.why}.`)
  }
  if (brokers.length === 0 && !reader.problems.hasFor(KEY)) {
    reader.problems.add(KEY, 'is empty: list the brokers to connect to as host:port, separated by commas.')
  }
  return brokers
}

function parseEntry(entry: string): string | { why: string } {
  const withoutScheme = entry.replace(/^[A-Za-z][A-Za-z0-9_+.-]*:\/\//, '').replace(/\/+$/, '')
  if (withoutScheme.startsWith('[')) {
    return { why: 'is an IPv6 address, which kafkajs cannot use to bootstrap; use a host name that resolves to it' }
  }
  const colon = withoutScheme.lastIndexOf(':')
  if (colon < 0) return { why: `has no port; write it as host:port, for example "${withoutScheme}:9092"` }
  const host = withoutScheme.slice(0, colon)
  const port = withoutScheme.slice(colon + 1)
  if (host.includes(':')) {
    return { why: 'is an IPv6 address, which kafkajs cannot use to bootstrap; use a host name that resolves to it' }
  }
  if (!HOST.test(host)) return { why: 'does not start with a valid host name; write it as host:port, for example "broker1:9092"' }
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { why: 'does not end with a valid port (1-65535); write it as host:port, for example "broker1:9092"' }
  }
  return `${host}:${Number(port)}`
}
