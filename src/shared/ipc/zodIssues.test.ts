import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeIssues, formatIssuePath, summariseIssues } from './zodIssues'

describe('formatIssuePath', () => {
  it('writes property paths with dots and indexes with brackets', () => {
    expect(formatIssuePath(['items', 0, 'name'])).toBe('items[0].name')
    expect(formatIssuePath([0, 'x'])).toBe('[0].x')
  })

  it('names an empty path (root)', () => {
    expect(formatIssuePath([])).toBe('(root)')
  })
})

describe('describeIssues', () => {
  it('summarises each issue as "field: problem"', () => {
    const result = z.object({ viewId: z.string(), rows: z.array(z.number()) }).safeParse({ viewId: 7, rows: [1, 'x'] })
    expect(result.success).toBe(false)
    const issues = result.error!.issues
    expect(describeIssues(issues)).toBe('viewId: Invalid input: expected string, received number; rows[1]: Invalid input: expected number, received string')
    expect(summariseIssues(issues).map((issue) => issue.path)).toEqual(['viewId', 'rows[1]'])
  })
})
