import type { Expr } from './ast'
import { Unmappable, type Scope } from './scope'

// Reads Python literals (following variables) into plain values. Anything that needs Python to run is
// Unmappable, with the reason.

export type PyValue = string | PyInt | number | boolean | null | PyValue[] | PyDict

/** Python ints as exact decimal text, so offsets beyond 2^53 survive. */
export class PyInt {
  constructor(readonly value: bigint) {}
  toJson(): number | string {
    return this.value >= BigInt(Number.MIN_SAFE_INTEGER) && this.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(this.value) : this.value.toString()
  }
}

export class PyDict {
  constructor(readonly entries: { key: PyValue; value: PyValue; keyExpr: Expr; valueExpr: Expr }[]) {}
}

export function literal(expr: Expr, scope: Scope): PyValue {
  const target = scope.deref(expr)
  switch (target.kind) {
    case 'str':
      if (target.fString) throw new Unmappable(target, 'an f-string is filled in when Python runs; write the text out')
      if (target.bytes) throw new Unmappable(target, 'a bytes literal is not a setting value')
      return target.value
    case 'num':
      return parseNumber(target)
    case 'const':
      return target.value
    case 'list':
    case 'tuple':
      return target.items.map((item) => literal(item, scope))
    case 'dict':
      return dictLiteral(target, scope)
    case 'unary': {
      const operand = literal(target.operand, scope)
      if (target.op === '-' && operand instanceof PyInt) return new PyInt(-operand.value)
      if (target.op === '-' && typeof operand === 'number') return -operand
      if (target.op === '+' && (operand instanceof PyInt || typeof operand === 'number')) return operand
      break
    }
    case 'binary':
      return binaryLiteral(target, scope)
    case 'name':
      throw new Unmappable(target, `\`${target.id}\` is not defined in the snippet`)
    case 'call':
      return callLiteral(target, scope)
    case 'opaque':
      throw new Unmappable(target, `${target.what} is Python code that needs Python to run`)
    case 'subscript':
      throw new Unmappable(target, 'this lookup happens when Python runs; write the value out')
    case 'attr':
      throw new Unmappable(target, `\`${scope.qualifiedName(target) ?? 'this'}\` is not a value the snippet defines`)
  }
  throw new Unmappable(target, 'this is computed when Python runs; write the value out')
}

function dictLiteral(target: Extract<Expr, { kind: 'dict' }>, scope: Scope): PyDict {
  const entries: PyDict['entries'] = []
  const put = (entry: PyDict['entries'][number]): void => {
    const at = entries.findIndex((e) => samePyKey(e.key, entry.key))
    if (at >= 0) entries.splice(at, 1)
    entries.push(entry)
  }
  for (const entry of target.entries) {
    if ('spread' in entry) {
      const spread = literal(entry.spread, scope)
      if (!(spread instanceof PyDict)) throw new Unmappable(entry.spread, '`**` here does not unpack a dict')
      spread.entries.forEach(put)
    } else put({ key: literal(entry.key, scope), value: literal(entry.value, scope), keyExpr: entry.key, valueExpr: entry.value })
  }
  return new PyDict(entries)
}

function samePyKey(a: PyValue, b: PyValue): boolean {
  if (a instanceof PyInt && b instanceof PyInt) return a.value === b.value
  return a === b
}

function binaryLiteral(target: Extract<Expr, { kind: 'binary' }>, scope: Scope): PyValue {
  const left = literal(target.left, scope)
  const right = literal(target.right, scope)
  if (typeof left === 'string' && typeof right === 'string' && target.op === '+') return left + right
  if (Array.isArray(left) && Array.isArray(right) && target.op === '+') return [...left, ...right]
  if (left instanceof PyInt && right instanceof PyInt) {
    if (target.op === '+') return new PyInt(left.value + right.value)
    if (target.op === '-') return new PyInt(left.value - right.value)
    if (target.op === '*') return new PyInt(left.value * right.value)
    if (target.op === '**' && right.value >= 0n && right.value < 256n) return new PyInt(left.value ** right.value)
  }
  throw new Unmappable(target, `\`${target.op}\` here is computed when Python runs; write the value out`)
}

/** `json.dumps(literal)` (a common way to write an Avro schema inline) is the only call read as a value. */
function callLiteral(target: Extract<Expr, { kind: 'call' }>, scope: Scope): PyValue {
  const name = scope.qualifiedName(target.callee)
  if (name === 'json.dumps' && scope.isBound('json') && target.args.length === 1 && !target.args[0]!.name && !target.args[0]!.star) {
    return JSON.stringify(toJson(literal(target.args[0]!.value, scope)))
  }
  throw new Unmappable(target, `\`${name ?? 'this call'}(...)\` runs when Python runs; its result is not known here`)
}

export function toJson(value: PyValue): unknown {
  if (value instanceof PyInt) return value.toJson()
  if (value instanceof PyDict) return Object.fromEntries(value.entries.map((e) => [String(e.key instanceof PyInt ? e.key.value : e.key), toJson(e.value)]))
  if (Array.isArray(value)) return value.map(toJson)
  return value
}

function parseNumber(target: Extract<Expr, { kind: 'num' }>): PyInt | number {
  try {
    return readNumber(target)
  } catch (error) {
    if (error instanceof Unmappable) throw error
    throw new Unmappable(target, `\`${target.text}\` is not a number`)
  }
}

function readNumber(target: Extract<Expr, { kind: 'num' }>): PyInt | number {
  const text = target.text.replace(/_/g, '')
  if (/[jJ]$/.test(text)) throw new Unmappable(target, 'a complex number is not a setting value')
  if (/^0[xX]/.test(text)) return new PyInt(BigInt(text))
  if (/^0[oO]/.test(text)) return new PyInt(BigInt('0o' + text.slice(2)))
  if (/^0[bB]/.test(text)) return new PyInt(BigInt('0b' + text.slice(2)))
  if (/^\d+$/.test(text)) return new PyInt(BigInt(text))
  const value = Number(text)
  if (Number.isNaN(value)) throw new Unmappable(target, `\`${target.text}\` is not a number`)
  return value
}

/** A short description of a value's Python type, for reasons. */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'None'
  if (value instanceof PyInt) return 'an int'
  if (value instanceof PyDict) return 'a dict'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'number') return 'a float'
  if (typeof value === 'boolean') return 'a bool'
  return 'a string'
}
