import type { ConnectionOptions } from 'node:tls'
import { translateKeyStore } from './keystore'
import type { PropertyReader } from './reader'
import type { ReadFile } from './stores'
import { cipherSuites, endpointIdentification, protocolVersions } from './tlsOptions'
import { translateTrustStore } from './truststore'

/**
 * Translates the `ssl.*` properties for the SSL and SASL_SSL protocols into kafkajs `ssl`: `true` (Node's
 * defaults: system CAs, host-name verification) when nothing needs changing, otherwise Node TLS options.
 * Certificate verification (`rejectUnauthorized`) is never turned off.
 */
export function translateTls(reader: PropertyReader, readFile: ReadFile): ConnectionOptions | true {
  const options: ConnectionOptions = {}
  const ca = translateTrustStore(reader, readFile)
  if (ca !== undefined) options.ca = ca
  const client = translateKeyStore(reader, readFile)
  if (client !== undefined) Object.assign(options, client)
  Object.assign(options, endpointIdentification(reader), protocolVersions(reader), cipherSuites(reader))
  return Object.keys(options).length === 0 ? true : options
}
