import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'

/** One `-----BEGIN <label>----- ... -----END <label>-----` block. */
export interface PemBlock {
  label: string
  text: string
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }))
}

/** Whether text contains PEM armour at all (as opposed to a binary JKS or PKCS12 store). */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text)
}

export function certificateBlocks(text: string): string[] {
  return pemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE')
    .map((b) => b.text)
}

export function privateKeyBlocks(text: string): PemBlock[] {
  return pemBlocks(text).filter((b) => /(^|\s)PRIVATE KEY$/.test(b.label))
}

export function isEncryptedKey(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block.text)
}

/** Parses a certificate, or returns why it cannot be parsed. */
export function parseCertificate(pem: string): X509Certificate | { error: string } {
  try {
    return new X509Certificate(pem)
  } catch (e) {
    return { error: errorText(e) }
  }
}

/** Loads a private key, or returns why it cannot be loaded. */
export function loadPrivateKey(pem: string, passphrase: string | undefined): KeyObject | { error: string } {
  try {
    return createPrivateKey(passphrase === undefined ? { key: pem, format: 'pem' } : { key: pem, format: 'pem', passphrase })
  } catch (e) {
    return { error: errorText(e) }
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
