/** The name of the single IPC channel the preload exposes. */
export const RPC_CHANNEL = 'app:rpc'
