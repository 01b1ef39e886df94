/** Sampled bytes as UTF-8 text, or base64 when they are not valid UTF-8. */
export function sampleText(value: unknown): { text: string | null; encoding: 'utf8' | 'base64' } {
  if (!(value instanceof Uint8Array)) return { text: null, encoding: 'utf8' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(value), encoding: 'utf8' }
  } catch {
    return { text: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'), encoding: 'base64' }
  }
}
