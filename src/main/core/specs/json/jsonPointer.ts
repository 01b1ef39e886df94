/**
 * JSON Pointers (RFC 6901) as json_spec uses them: a mapping key starting with '/' is a pointer; any other key is one
 * field name, read as if it were the pointer "/" + key with '~' and '/' escaped. Paths are kept as unescaped segments.
 */

/** The segments a mapping key (field name or pointer) reads; throws a TypeError naming the key when it is malformed. */
export function pathOfKey(key: string): string[] {
  if (!key.startsWith('/')) return [key]
  const segments = key.slice(1).split('/')
  for (const segment of segments) {
    const bad = /~(?![01])/.exec(segment)
    if (bad !== null) {
      throw new TypeError(`JSON Pointer '${key}': '~' must be followed by 0 (for '~') or 1 (for '/'), as in '/a~1b' for the field 'a/b'`)
    }
  }
  return segments.map(unescapeSegment)
}

function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment
}

/** The pointer text of a path, for messages: ['a/b', 'c'] → '/a~1b/c'. */
export function pointerOf(path: readonly string[]): string {
  return path.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** The array index a segment names ('0', '17'; not '01', '-1' or '-'), or -1. */
export function arrayIndexOf(segment: string): number {
  if (!/^(0|[1-9][0-9]{0,8})$/.test(segment)) return -1
  return Number(segment)
}
