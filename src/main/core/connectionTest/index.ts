export { runConnectionTest, type ConnectionTestOptions } from './runConnectionTest'
