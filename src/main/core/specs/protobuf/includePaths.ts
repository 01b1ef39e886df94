/** Deephaven's protobuf `include` paths: '/a/b' includes [], [a], [a,b]; '/a/b/*' also everything below a.b. */
export interface IncludeMatcher {
  (path: readonly string[]): boolean
  /** Set when no include paths were given (everything is included). */
  readonly all?: boolean
}

interface Pattern {
  parts: string[]
  wildcard: boolean
}

export function parseIncludePath(text: string): Pattern {
  if (typeof text !== 'string' || !text.startsWith('/')) throw new TypeError(`include path '${String(text)}' must start with '/'`)
  const parts = text === '/' ? [] : text.slice(1).split('/')
  const wildcard = parts.length > 0 && parts[parts.length - 1] === '*'
  if (wildcard) parts.pop()
  if (parts.some((p) => p.length === 0 || p === '*')) throw new TypeError(`include path '${text}': empty part or '*' not at the end`)
  return { parts, wildcard }
}

export function includeMatcher(include: readonly string[] | undefined): IncludeMatcher {
  if (include === undefined) return Object.assign(() => true, { all: true })
  const patterns = include.map(parseIncludePath)
  return (path) => patterns.some((p) => matches(p, path))
}

function matches(p: Pattern, path: readonly string[]): boolean {
  const n = Math.min(p.parts.length, path.length)
  for (let i = 0; i < n; i++) if (p.parts[i] !== path[i]) return false
  return path.length <= p.parts.length || p.wildcard
}
