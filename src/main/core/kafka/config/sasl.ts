import type { SASLOptions } from 'kafkajs'
import { parseJaasConfig } from './jaas'
import type { PropertyReader } from './reader'
import { showValue } from './secrets'

const PLAIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule'
const SCRAM_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule'

const SUPPORTED = {
  PLAIN: { kafkajs: 'plain', module: PLAIN_MODULE },
  'SCRAM-SHA-256': { kafkajs: 'scram-sha-256', module: SCRAM_MODULE },
  'SCRAM-SHA-512': { kafkajs: 'scram-sha-512', module: SCRAM_MODULE }
} as const

type Mechanism = keyof typeof SUPPORTED

const UNSUPPORTED_REASONS: Record<string, string> = {
  GSSAPI: 'Kerberos (GSSAPI) is not available in kafkajs',
  OAUTHBEARER: 'OAuth (OAUTHBEARER) token login is not available yet',
  AWS_MSK_IAM: 'AWS IAM login is not available'
}

/** Which mechanism each standard login module belongs to, for mismatch messages. */
const MODULE_MECHANISM: Record<string, string> = {
  [PLAIN_MODULE]: 'PLAIN',
  [SCRAM_MODULE]: 'SCRAM-SHA-256 or SCRAM-SHA-512',
  'com.sun.security.auth.module.Krb5LoginModule': 'GSSAPI',
  'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule': 'OAUTHBEARER'
}

const ALLOWED_OPTIONS = new Set(['username', 'password'])

function example(mechanism: Mechanism): string {
  return `${SUPPORTED[mechanism].module} required username="..." password="...";`
}

/**
 * Translates `sasl.mechanism` and `sasl.jaas.config` for a SASL_* protocol into kafkajs `sasl` options.
 * `protocol` is only used in messages.
 */
export function translateSasl(reader: PropertyReader, protocol: string): SASLOptions | undefined {
  const given = reader.string('sasl.mechanism')
  const name = (given ?? 'PLAIN').trim().toUpperCase()
  if (!(name in SUPPORTED)) {
    if (given !== undefined) {
      const reason = UNSUPPORTED_REASONS[name]
      reader.problems.add(
        'sasl.mechanism',
        `${showValue('sasl.mechanism', given)} is not supported${reason ? ` (${reason})` : ''}. Use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.`
      )
    }
    return undefined
  }
  const mechanism = name as Mechanism

  const jaasKey = 'sasl.jaas.config'
  if (!reader.isSet(jaasKey)) {
    reader.problems.add(
      jaasKey,
      `is required with security.protocol=${protocol}: set it to ${example(mechanism)} (sasl.mechanism is ${mechanism}${given === undefined ? ', the default' : ''}).`
    )
    return undefined
  }
  const text = reader.string(jaasKey)
  if (text === undefined) return undefined
  const parsed = parseJaasConfig(text)
  if (!parsed.ok) {
    reader.problems.add(jaasKey, `${parsed.problem} Expected: ${example(mechanism)}`)
    return undefined
  }
  const { loginModule, options } = parsed.entry
  const expected = SUPPORTED[mechanism].module
  let ok = true
  if (loginModule !== expected) {
    ok = false
    const shown = loginModule.endsWith('LoginModule') ? loginModule : 'an unknown login module'
    const theirs = MODULE_MECHANISM[loginModule]
    reader.problems.add(
      jaasKey,
      `uses ${shown}, but sasl.mechanism ${mechanism} needs ${expected}.` +
        (theirs ? ` Change the login module, or set sasl.mechanism to ${theirs} if that is what the broker expects.` : ` Use ${example(mechanism)}`)
    )
  }
  for (const option of options.keys()) {
    if (ALLOWED_OPTIONS.has(option)) continue
    ok = false
    const shown = /^[A-Za-z0-9_.-]{1,60}$/.test(option) ? `'${option}'` : 'an option'
    if (option === 'tokenauth') {
      reader.problems.add(jaasKey, `option 'tokenauth' (delegation-token login) is not supported; log in with username and password.`)
    } else {
      reader.problems.add(jaasKey, `has option ${shown}, which the client does not use (only username and password are); remove it.`)
    }
  }
  for (const required of ['username', 'password']) {
    const value = options.get(required)
    if (value === undefined) {
      ok = false
      reader.problems.add(jaasKey, `has no ${required}; write it as ${required}="..." (${example(mechanism)}).`)
    } else if (value === '') {
      ok = false
      reader.problems.add(jaasKey, `has an empty ${required}.`)
    }
  }
  if (!ok) return undefined
  return {
    mechanism: SUPPORTED[mechanism].kafkajs,
    username: options.get('username')!,
    password: options.get('password')!
  }
}
