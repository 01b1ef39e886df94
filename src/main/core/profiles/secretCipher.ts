/**
 * Turns a profile's secrets into the bytes stored on disk and back. The store always writes those bytes
 * to their own file created with mode 0600; the cipher decides whether they are also encrypted.
 */
export interface SecretCipher {
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
  /** Shown to the user: where and how secrets are kept. */
  readonly description: string
  /**
   * The secrets file's name. Each kind of cipher has its own, so the browser host and Electron can share a
   * user-data folder (and its profiles) without reading, or overwriting, each other's secrets.
   */
  readonly secretsFile?: string
}

/**
 * The browser host's cipher: no encryption (there is no OS keychain to ask), so secrets rely on the
 * secrets file being readable by the current user only.
 */
export class FileSecretCipher implements SecretCipher {
  readonly description = 'Secrets are stored in a file only your user can read, not encrypted.'

  encrypt(plain: string): Buffer {
    return Buffer.from(plain, 'utf8')
  }

  decrypt(data: Buffer): string {
    return data.toString('utf8')
  }
}
