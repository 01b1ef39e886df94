import type { z } from 'zod'

export interface IssueSummary {
  path: string
  problem: string
}

/** `items[0].name`; the value itself (an empty path) is `(root)`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`
      const name = String(key)
      return index === 0 ? name : `.${name}`
    })
    .join('')
}

export function summariseIssues(issues: readonly z.core.$ZodIssue[]): IssueSummary[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), problem: issue.message }))
}

/** One `field: problem` per issue, joined with `; `. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return summariseIssues(issues)
    .map(({ path, problem }) => `${path}: ${problem}`)
    .join('; ')
}
