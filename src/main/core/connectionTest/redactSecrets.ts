import type { ProfileSecrets } from '../../../shared/model/profiles'

/** Replaces every secret value (and every line of a multi-line one, such as a PEM key) in `text` with "•••". */
export function redactSecrets(text: string, secrets: ProfileSecrets): string {
  const values = Object.values(secrets)
    .flatMap((v) => (typeof v === 'string' ? [v, ...v.split(/\r?\n/)] : []))
    .map((v) => v.trim())
    .filter((v) => v.length >= 3)
    .sort((a, b) => b.length - a.length)
  let out = text
  for (const value of values) out = out.split(value).join('•••')
  return out
}
