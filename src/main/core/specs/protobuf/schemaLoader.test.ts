import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../resolvePartDecoder'
import { loadProtoSource } from './schemaLoader'
import { makeTempDir } from '../../../../../test/support/tempDirs'

describe('loadProtoSource', () => {
  it('reads .proto files and resolves imports relative to the importing file', () => {
    const dir = makeTempDir('pb-')
    mkdirSync(join(dir, 'common'))
    writeFileSync(join(dir, 'common', 'money.proto'), 'syntax = "proto3";\npackage common;\nmessage Money { string currency = 1; int64 units = 2; }\n')
    writeFileSync(join(dir, 'trade.proto'), 'syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nmessage Trade { common.Money px = 1; }\nmessage Other {}\n')
    const s = loadProtoSource('valueSpec', join(dir, 'trade.proto'), 'shop.Trade')
    expect(s.message.fullName).toBe('.shop.Trade')
    expect(s.fileMessages.map((t) => t.fullName)).toEqual(['.shop.Trade', '.shop.Other'])
  })

  it('names a missing message, a missing import and a missing file', () => {
    expect(() => loadProtoSource('valueSpec', 'syntax = "proto3"; message A {}', 'B')).toThrow(/'B' is not in the Protobuf schema/)
    expect(() => loadProtoSource('valueSpec', 'syntax = "proto3"; import "nope/x.proto"; message A {}', 'A')).toThrow(/nope\/x\.proto/)
    expect(() => loadProtoSource('valueSpec', '/does/not/exist.proto', 'A')).toThrow(SpecError)
  })
})
