/** `name=value` lines; blank lines and `#` comments are skipped. */
export function parseProperties(text: string): { properties: Record<string, string>; error?: string } {
  const properties: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) return { properties, error: `Line ${i + 1}: expected name=value` }
    properties[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return { properties }
}

/** The inverse of parseProperties, one `name=value` a line. */
export function formatProperties(properties: Record<string, unknown>): string {
  return Object.entries(properties)
    .map(([k, v]) => `${k}=${v === null ? '' : String(v)}`)
    .join('\n')
}
