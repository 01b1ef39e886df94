// Process helpers shared by the services harness and its watchdog. Node builtins only.
// Processes are only ever addressed by PID, and a PID is only signalled after its command line
// was checked to still be the process we started (guards against PID reuse after a crash).
import fs from 'node:fs'

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The process's argv, or null when it is gone (or a zombie). On systems without /proc: undefined. */
export function cmdline(pid) {
  if (!fs.existsSync('/proc/self/cmdline')) return undefined
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    if (raw.length === 0) return null // zombie or kernel thread
    return raw.split('\0').filter(Boolean)
  } catch {
    return null
  }
}

/** True when `pid` is alive and, where /proc exists, its argv contains every string in `mustContain`. */
export function isOurProcess(pid, mustContain = []) {
  if (!Number.isInteger(pid) || pid <= 1) return false
  try {
    process.kill(pid, 0)
  } catch (err) {
    if (err.code !== 'EPERM') return false
  }
  const argv = cmdline(pid)
  if (argv === null) return false
  if (argv === undefined) return true // no /proc: best effort
  const joined = argv.join(' ')
  return mustContain.every((s) => joined.includes(s))
}

/**
 * SIGTERM `pid`, wait up to `graceMs` for it to exit, then SIGKILL.
 * Returns 'not-running' | 'terminated' | 'killed'.
 */
export async function terminate(pid, mustContain = [], { graceMs = 20_000, log = () => {} } = {}) {
  if (!isOurProcess(pid, mustContain)) return 'not-running'
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return 'not-running'
  }
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline) {
    await sleep(100)
    if (!isOurProcess(pid, mustContain)) return 'terminated'
  }
  log(`pid ${pid} still running after ${graceMs} ms; sending SIGKILL`)
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 50 && isOurProcess(pid, mustContain); i++) await sleep(100)
  return 'killed'
}
