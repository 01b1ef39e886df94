// File helpers shared by the services harness (kafka-services.mjs, registry-services.mjs). Node builtins only.
import fs from 'node:fs'
import path from 'node:path'

/** `<root>/<name>/<version>`, after checking `version` is safe as one path segment (`what` names it in the error). */
export function versionDir(root, name, what, version) {
  if (!/^[0-9A-Za-z.-]+$/.test(version)) throw new Error(`invalid ${what} version: ${JSON.stringify(version)}`)
  return path.join(root, name, version)
}

/** The last `lines` lines of a log file, or `missing` when it cannot be read. */
export function logTail(file, lines = 60, missing = '(no log)') {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return missing
  }
}
