import { describe, expect, it } from 'vitest'
import { buildTsv, tsvField } from './tsv'

describe('TSV', () => {
  it('joins fields with tabs and rows with line feeds', () => {
    expect(buildTsv([['1', 'a'], ['2', 'b']])).toBe('1\ta\n2\tb')
  })

  it('puts the header first when asked', () => {
    expect(buildTsv([['1', 'a']], ['KafkaOffset', 'Value'])).toBe('KafkaOffset\tValue\n1\ta')
  })

  it('quotes fields with tabs, line breaks or quotes', () => {
    expect(tsvField('plain')).toBe('plain')
    expect(tsvField('a\tb')).toBe('"a\tb"')
    expect(tsvField('two\nlines')).toBe('"two\nlines"')
    expect(tsvField('say "hi"')).toBe('"say ""hi"""')
  })

  it('copies a single cell as its bare text', () => {
    expect(buildTsv([['hello']])).toBe('hello')
    expect(buildTsv([['']])).toBe('')
  })
})
