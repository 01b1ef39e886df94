import type { PropertyReader } from './reader'
import { certificateBlocks, looksLikePem, parseCertificate } from './pem'
import { javaStoreProblem, readStoreFile, readStoreType, type ReadFile, type StoreState } from './stores'

const TYPE = 'ssl.truststore.type'
const LOCATION = 'ssl.truststore.location'
const CERTIFICATES = 'ssl.truststore.certificates'
const PASSWORD = 'ssl.truststore.password'

/**
 * Translates the trust store settings into the PEM certificates to trust (kafkajs/Node `ca`), or
 * `undefined` to keep Node's default CAs.
 */
export function translateTrustStore(reader: PropertyReader, readFile: ReadFile): string[] | undefined {
  const type = readStoreType(reader, TYPE)
  const location = reader.string(LOCATION)
  const inline = reader.string(CERTIFICATES)
  let state: StoreState = type === null ? 'reported' : 'none'
  let ca: string[] | undefined

  if (location !== undefined && inline !== undefined) {
    reader.problems.add(CERTIFICATES, `cannot be combined with ${LOCATION}; set only one of them.`)
    state = 'reported'
  } else if (inline !== undefined) {
    if (type === 'JKS' || type === 'PKCS12') {
      reader.problems.add(TYPE, `is ${type}, but ${CERTIFICATES} holds PEM text; set ${TYPE}=PEM.`)
      state = 'reported'
    } else if (type !== null) {
      ca = certificates(reader, CERTIFICATES, inline, CERTIFICATES)
      state = ca ? 'pem' : 'reported'
    }
  } else if (location !== undefined) {
    if (type === 'JKS' || type === 'PKCS12') {
      reader.problems.add(TYPE, javaStoreProblem('truststore', `is ${type} (file ${JSON.stringify(location)})`))
      state = 'reported'
    } else if (type !== null) {
      const content = readStoreFile(reader, LOCATION, location, readFile)
      if (content === undefined) {
        state = 'reported'
      } else if (type === undefined && !looksLikePem(content)) {
        reader.problems.add(
          LOCATION,
          javaStoreProblem('truststore', `${JSON.stringify(location)} is not a PEM file, so it is taken to be a JKS store (Java's default ${TYPE})`)
        )
        state = 'reported'
      } else {
        ca = certificates(reader, LOCATION, content, `the file ${JSON.stringify(location)}`)
        state = ca ? 'pem' : 'reported'
      }
    }
  }

  if (reader.isSet(PASSWORD)) {
    if (state === 'pem') {
      reader.problems.add(PASSWORD, 'is not used with a PEM trust store (PEM certificates are not encrypted); remove it.')
    } else if (state === 'none') {
      reader.problems.add(PASSWORD, `has no effect without ${LOCATION} or ${CERTIFICATES}; remove it.`)
    }
  }
  return ca
}

function certificates(reader: PropertyReader, key: string, text: string, where: string): string[] | undefined {
  const blocks = certificateBlocks(text)
  if (blocks.length === 0) {
    reader.problems.add(key, `${where} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`)
    return undefined
  }
  let ok = true
  blocks.forEach((block, i) => {
    const cert = parseCertificate(block)
    if ('error' in cert) {
      ok = false
      reader.problems.add(key, `certificate ${i + 1} of ${blocks.length} in ${where} is not valid: ${cert.error}.`)
    }
  })
  return ok ? blocks : undefined
}
