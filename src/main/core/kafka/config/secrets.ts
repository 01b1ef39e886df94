/** Properties whose values are secrets: never shown in messages. */
const SECRET_KEYS = new Set([
  'sasl.jaas.config',
  'ssl.key.password',
  'ssl.keystore.password',
  'ssl.truststore.password',
  'ssl.keystore.key',
  'basic.auth.user.info'
])

const SECRET_PATTERN = /password|secret|token|credential|user\.info|jaas|\.key$/i

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key) || SECRET_PATTERN.test(key)
}

/** The properties without the secret ones (for what is written to disk), and the keys it left out. */
export function withoutSecretProperties<V>(properties: Readonly<Record<string, V>>): { kept: Record<string, V>; dropped: string[] } {
  const kept: Record<string, V> = {}
  const dropped: string[] = []
  for (const [key, value] of Object.entries(properties)) {
    if (isSecretKey(key)) dropped.push(key)
    else kept[key] = value
  }
  return { kept, dropped }
}

const MAX_SHOWN = 80

/** A property value as it may appear in a message: quoted, shortened, or hidden for secrets. */
export function showValue(key: string, value: unknown): string {
  if (isSecretKey(key)) return '(value hidden)'
  let text: string
  if (typeof value === 'string') text = JSON.stringify(value)
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value)
  else if (value === null) text = 'null'
  else if (Array.isArray(value)) text = 'a list'
  else text = `a value of type ${typeof value}`
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}
