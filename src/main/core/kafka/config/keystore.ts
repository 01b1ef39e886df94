import type { PropertyReader } from './reader'
import { certificateBlocks, isEncryptedKey, loadPrivateKey, looksLikePem, parseCertificate, privateKeyBlocks } from './pem'
import { javaStoreProblem, readStoreFile, readStoreType, type ReadFile, type StoreState } from './stores'

const TYPE = 'ssl.keystore.type'
const LOCATION = 'ssl.keystore.location'
const KEY = 'ssl.keystore.key'
const CHAIN = 'ssl.keystore.certificate.chain'
const STORE_PASSWORD = 'ssl.keystore.password'
const KEY_PASSWORD = 'ssl.key.password'

/** The client certificate for mutual TLS, as Node `tls` options. */
export interface ClientKeyMaterial {
  key: string
  cert: string
  passphrase?: string
}

interface Source {
  /** The property to report problems against. */
  key: string
  /** How to name the source in a message. */
  where: string
  text: string
}

/** Translates the key store settings into a client key and certificate chain for mutual TLS. */
export function translateKeyStore(reader: PropertyReader, readFile: ReadFile): ClientKeyMaterial | undefined {
  const type = readStoreType(reader, TYPE)
  const location = reader.string(LOCATION)
  const inlineKey = reader.string(KEY)
  const inlineChain = reader.string(CHAIN)
  const passphrase = reader.string(KEY_PASSWORD)
  let state: StoreState = type === null ? 'reported' : 'none'
  let material: ClientKeyMaterial | undefined

  if (location !== undefined && (inlineKey !== undefined || inlineChain !== undefined)) {
    reader.problems.add(LOCATION, `cannot be combined with ${KEY} / ${CHAIN}; use either the file or the inline PEM values.`)
    state = 'reported'
  } else if (inlineKey !== undefined || inlineChain !== undefined) {
    state = 'reported'
    if (type === 'JKS' || type === 'PKCS12') {
      reader.problems.add(TYPE, `is ${type}, but ${inlineKey !== undefined ? KEY : CHAIN} holds PEM text; set ${TYPE}=PEM.`)
    } else if (inlineKey === undefined) {
      reader.problems.add(KEY, `is required with ${CHAIN}: set it to the PEM private key of the client certificate.`)
    } else if (inlineChain === undefined) {
      reader.problems.add(CHAIN, `is required with ${KEY}: set it to the PEM certificate chain, starting with the client certificate.`)
    } else if (type !== null) {
      material = loadMaterial(reader, { key: KEY, where: KEY, text: inlineKey }, { key: CHAIN, where: CHAIN, text: inlineChain }, passphrase)
      state = 'pem'
    }
  } else if (location !== undefined) {
    state = 'reported'
    if (type === 'JKS' || type === 'PKCS12') {
      reader.problems.add(TYPE, javaStoreProblem('keystore', `is ${type} (file ${JSON.stringify(location)})`))
    } else if (type !== null) {
      const content = readStoreFile(reader, LOCATION, location, readFile)
      if (content !== undefined && type === undefined && !looksLikePem(content)) {
        reader.problems.add(
          LOCATION,
          javaStoreProblem('keystore', `${JSON.stringify(location)} is not a PEM file, so it is taken to be a JKS store (Java's default ${TYPE})`)
        )
      } else if (content !== undefined) {
        const source = { key: LOCATION, where: `the file ${JSON.stringify(location)}`, text: content }
        material = loadMaterial(reader, source, source, passphrase)
        state = 'pem'
      }
    }
  }

  if (reader.isSet(STORE_PASSWORD)) {
    if (state === 'pem') {
      reader.problems.add(
        STORE_PASSWORD,
        `is not used with a PEM key store; if the private key is encrypted, put its passphrase in ${KEY_PASSWORD} and remove ${STORE_PASSWORD}.`
      )
    } else if (state === 'none') {
      reader.problems.add(STORE_PASSWORD, `has no effect without ${LOCATION}; remove it.`)
    }
  }
  if (passphrase !== undefined && state === 'none') {
    reader.problems.add(KEY_PASSWORD, `has no effect without a key store (${LOCATION}, or ${KEY} with ${CHAIN}); remove it.`)
  }
  return material
}

function loadMaterial(reader: PropertyReader, keySource: Source, chainSource: Source, passphrase: string | undefined): ClientKeyMaterial | undefined {
  let ok = true
  const keys = privateKeyBlocks(keySource.text)
  const certs = certificateBlocks(chainSource.text)
  if (keys.length !== 1) {
    ok = false
    reader.problems.add(
      keySource.key,
      keys.length === 0
        ? `${keySource.where} holds no PEM private key (-----BEGIN PRIVATE KEY-----).`
        : `${keySource.where} holds ${keys.length} private keys; it must hold exactly one.`
    )
  }
  if (certs.length === 0) {
    ok = false
    reader.problems.add(chainSource.key, `${chainSource.where} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`)
  }
  const parsed = certs.map((pem, i) => {
    const cert = parseCertificate(pem)
    if ('error' in cert) {
      ok = false
      reader.problems.add(chainSource.key, `certificate ${i + 1} of ${certs.length} in ${chainSource.where} is not valid: ${cert.error}.`)
      return undefined
    }
    return cert
  })
  const keyBlock = keys.length === 1 ? keys[0]! : undefined
  if (keyBlock === undefined) return undefined

  const encrypted = isEncryptedKey(keyBlock)
  if (encrypted && passphrase === undefined) {
    reader.problems.add(KEY_PASSWORD, `is required: the private key in ${keySource.where} is encrypted; set ${KEY_PASSWORD} to its passphrase.`)
    return undefined
  }
  if (!encrypted && passphrase !== undefined) {
    reader.problems.add(KEY_PASSWORD, `is set, but the private key in ${keySource.where} is not encrypted; remove ${KEY_PASSWORD}.`)
    return undefined
  }
  const keyObject = loadPrivateKey(keyBlock.text, passphrase)
  if ('error' in keyObject) {
    if (encrypted) reader.problems.add(KEY_PASSWORD, `does not decrypt the private key in ${keySource.where}; check the passphrase.`)
    else reader.problems.add(keySource.key, `the private key in ${keySource.where} cannot be read: ${keyObject.error}.`)
    return undefined
  }
  const leaf = parsed[0]
  if (leaf !== undefined && !leaf.checkPrivateKey(keyObject)) {
    ok = false
    reader.problems.add(
      chainSource.key,
      `the first certificate in ${chainSource.where} does not belong to the private key; the chain must start with the client's own certificate.`
    )
  }
  if (!ok) return undefined
  const material: ClientKeyMaterial = { key: keyBlock.text, cert: certs.join('\n') }
  if (passphrase !== undefined) material.passphrase = passphrase
  return material
}
