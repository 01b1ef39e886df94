import { afterAll } from 'vitest'
import { removePendingTempDirs } from './tempDirs'

afterAll(removePendingTempDirs)
