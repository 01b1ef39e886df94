// kafkajs 2.2.4 ships its protocol modules as plain CommonJS without types.
declare module 'kafkajs/src/protocol/requests/index.js' {
  const protocolRequests: { requests: Record<string, unknown> }
  export default protocolRequests
}
declare module 'kafkajs/src/protocol/requests/apiKeys.js' {
  const apiKeys: Record<string, number>
  export default apiKeys
}
declare module 'kafkajs/src/protocol/error.js' {
  export function createErrorFromCode(code: number): Error & { type: string; code: number; retriable: boolean }
}
declare module 'kafkajs/src/network/socketFactory.js' {
  import type { ISocketFactory } from 'kafkajs'
  const createSocketFactory: () => ISocketFactory
  export default createSocketFactory
}
