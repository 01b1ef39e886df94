import type { SASLOptions } from 'kafkajs'
import type { ConnectionOptions } from 'node:tls'
import { classifyKey } from './keys'
import type { PropertyReader } from './reader'
import { translateSasl } from './sasl'
import type { ReadFile } from './stores'
import { translateTls } from './tls'

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number]

export interface SecuritySettings {
  ssl?: ConnectionOptions | true
  sasl?: SASLOptions
}

/**
 * Translates `security.protocol` with the `sasl.*` and `ssl.*` properties. A security setting is never
 * dropped: one that does not apply to the chosen protocol is reported with the protocol to use instead.
 */
export function translateSecurity(reader: PropertyReader, readFile: ReadFile): SecuritySettings {
  const explicit = reader.isSet('security.protocol')
  const protocol: SecurityProtocol | undefined = explicit ? reader.choice('security.protocol', SECURITY_PROTOCOLS) : 'PLAINTEXT'
  const setKeys = reader.keys().filter((k) => reader.isSet(k) && classifyKey(k) !== 'unknown')
  const saslKeys = setKeys.filter((k) => k.startsWith('sasl.'))
  const sslKeys = setKeys.filter((k) => k.startsWith('ssl.'))

  let usesSasl: boolean
  let usesTls: boolean
  if (protocol === undefined) {
    // The protocol was bad and has been reported: still check whatever security settings were given.
    usesSasl = saslKeys.length > 0
    usesTls = sslKeys.length > 0
  } else {
    usesSasl = protocol.startsWith('SASL_')
    usesTls = protocol === 'SSL' || protocol === 'SASL_SSL'
    const current = `security.protocol is ${protocol}${explicit ? '' : ' (the default)'}`
    for (const key of saslKeys) {
      if (usesSasl || reader.problems.hasFor(key)) continue
      const use = protocol === 'SSL' ? 'SASL_SSL' : 'SASL_PLAINTEXT (or SASL_SSL for SASL over TLS)'
      reader.problems.add(key, `only applies to SASL logins, but ${current}; set security.protocol=${use}, or remove ${key}.`)
    }
    for (const key of sslKeys) {
      if (usesTls || reader.problems.hasFor(key)) continue
      const use = protocol === 'SASL_PLAINTEXT' ? 'SASL_SSL' : 'SSL (or SASL_SSL with a SASL login)'
      reader.problems.add(key, `only applies to TLS connections, but ${current}; set security.protocol=${use}, or remove ${key}.`)
    }
  }

  const settings: SecuritySettings = {}
  if (usesSasl) {
    const sasl = translateSasl(reader, protocol ?? 'SASL_PLAINTEXT/SASL_SSL')
    if (sasl !== undefined) settings.sasl = sasl
  }
  if (usesTls) settings.ssl = translateTls(reader, readFile)
  return settings
}
