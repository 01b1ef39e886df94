import { isAbsolute } from 'node:path'
import type { PropertyReader } from './reader'
import { errorText } from './pem'

export type StoreType = 'PEM' | 'JKS' | 'PKCS12'

/**
 * What a store setting came to: nothing configured, a usable PEM store, or something already reported
 * (a JKS/PKCS12 store, an unreadable file, ...) that makes its password settings moot.
 */
export type StoreState = 'none' | 'pem' | 'reported'

export type ReadFile = (path: string) => string

/** Reads `ssl.truststore.type` / `ssl.keystore.type`. `null` means the value was bad and has been reported. */
export function readStoreType(reader: PropertyReader, key: string): StoreType | undefined | null {
  if (!reader.isSet(key)) return undefined
  const value = reader.choice(key, ['PEM', 'JKS', 'PKCS12'] as const)
  if (value === undefined) return null
  return value
}

/** Reads a store file, reporting an unreadable one against `key`. */
export function readStoreFile(reader: PropertyReader, key: string, path: string, readFile: ReadFile): string | undefined {
  if (path.trim() === '') {
    reader.problems.add(key, 'is empty: set it to the path of a PEM file, or remove it.')
    return undefined
  }
  try {
    return readFile(path)
  } catch (e) {
    let hint = ''
    if (path.startsWith('~')) hint = ' "~" is not expanded; write the full path.'
    else if (!isAbsolute(path)) hint = ` Relative paths are resolved against the app's working directory (${process.cwd()}); use an absolute path.`
    reader.problems.add(key, `cannot read the file ${JSON.stringify(path)}: ${errorText(e)}.${hint}`)
    return undefined
  }
}

const TRUST_CONVERT =
  'Convert it to PEM: keytool -importkeystore -srckeystore truststore.jks -destkeystore truststore.p12 -deststoretype PKCS12 ' +
  '(JKS only), then openssl pkcs12 -in truststore.p12 -nokeys -out truststore.pem; ' +
  'then set ssl.truststore.type=PEM and ssl.truststore.location to the .pem file, and remove ssl.truststore.password.'

const KEY_CONVERT =
  'Convert it to PEM: keytool -importkeystore -srckeystore keystore.jks -destkeystore keystore.p12 -deststoretype PKCS12 ' +
  '(JKS only), then openssl pkcs12 -in keystore.p12 -out keystore.pem -nodes (key and certificates in one file; ' +
  'leave out -nodes to keep the key encrypted and put its passphrase in ssl.key.password); ' +
  'then set ssl.keystore.type=PEM and ssl.keystore.location to the .pem file, and remove ssl.keystore.password.'

/** The message for a JKS or PKCS12 store, which Node cannot read. */
export function javaStoreProblem(store: 'truststore' | 'keystore', what: string): string {
  return `${what}, but only PEM stores are supported here. ${store === 'truststore' ? TRUST_CONVERT : KEY_CONVERT}`
}
