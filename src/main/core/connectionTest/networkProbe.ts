import { lookup } from 'node:dns/promises'
import { Socket } from 'node:net'
import { classifyFailure, type ClassifiedFailure } from './classifyFailure'

export interface AddressProbe {
  /** host:port as configured. */
  address: string
  /** null when the host resolved and the port accepted a TCP connection. */
  failure: (ClassifiedFailure & { detail: string }) | null
}

function splitAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':')
  return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket()
    socket.setTimeout(timeoutMs)
    socket.once('connect', () => {
      socket.destroy()
      resolve()
    })
    socket.once('timeout', () => {
      socket.destroy()
      reject(Object.assign(new Error(`connecting to ${host}:${port} timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }))
    })
    socket.once('error', (e) => {
      socket.destroy()
      reject(e)
    })
    socket.connect(port, host)
  })
}

/** Resolves the host of `address` and opens (then closes) a TCP connection to it. */
export async function probeAddress(address: string, timeoutMs: number): Promise<AddressProbe> {
  const { host, port } = splitAddress(address)
  try {
    await withTimeout(lookup(host), timeoutMs, `resolving ${host}`)
  } catch (e) {
    const failure = classifyFailure(e)
    const kind = failure.kind === 'TIMEOUT' ? 'DNS' : failure.kind
    return { address, failure: { ...failure, kind, detail: `${host} could not be resolved (${failure.message})` } }
  }
  try {
    await tcpConnect(host, port, timeoutMs)
  } catch (e) {
    const failure = classifyFailure(e)
    const why = failure.kind === 'REFUSED' ? 'the connection was refused' : failure.kind === 'TIMEOUT' ? 'no answer' : failure.message
    return { address, failure: { ...failure, detail: `${address}: ${why} (${failure.message})` } }
  }
  return { address, failure: null }
}
