import { randomBytes, timingSafeEqual } from 'node:crypto'

export function createAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Whether a request URL (`/?token=...`) carries the expected token; compared in constant time. */
export function hasAccessToken(requestUrl: string | undefined, expected: string): boolean {
  if (!requestUrl) return false
  const given = new URL(requestUrl, 'ws://localhost').searchParams.get('token')
  if (given === null) return false
  const givenBytes = Buffer.from(given)
  const expectedBytes = Buffer.from(expected)
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes)
}
