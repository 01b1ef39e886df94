#!/usr/bin/env node
// Test services (a real Kafka 4.x broker from Maven Central jars, and an Apicurio schema registry
// behind an authenticating proxy) for Topic Tables.
//
//   node scripts/services.mjs fetch            jars for $KAFKA_VERSION (default 4.4.0) into .cache/kafka/<v>/libs,
//                                              Apicurio $APICURIO_VERSION (default 3.3.3) into .cache/apicurio/<v>/app
//   node scripts/services.mjs up [--owner-pid N]   start a broker and the registry, write the state file
//   node scripts/services.mjs down             stop it, remove its work dir and the state file
//   node scripts/services.mjs status           print the state (exit 1 when nothing runs)
//
// Env: KAFKA_VERSION, TOPIC_TABLES_SERVICES_FILE (default .cache/services.json),
//      KAFKA_BOOTSTRAP (use an existing cluster, PLAINTEXT only), JAVA_HOME / TOPIC_TABLES_JAVA,
//      APICURIO_VERSION, JAVA21_HOME (Java ≥ 21 for Apicurio ≥ 3.2), REGISTRY_URL (use an existing
//      registry), TOPIC_TABLES_NO_REGISTRY=1 (no registry).
import { down, fetchKafka, kafkaVersion, stateFilePath, status, up } from './lib/kafka-services.mjs'
import { externalRegistryUrl, fetchApicurio, registryWanted, resolveApicurio } from './lib/registry-services.mjs'

const [command, ...rest] = process.argv.slice(2)

async function main() {
  switch (command) {
    case 'fetch': {
      const version = kafkaVersion()
      const r = await fetchKafka(version)
      console.log(r.fetched ? `Kafka ${version}: fetched into ${r.libs} in ${r.ms} ms` : `Kafka ${version}: already in ${r.libs}`)
      if (registryWanted() && !externalRegistryUrl()) {
        const { version: av } = await resolveApicurio()
        const a = await fetchApicurio(av)
        console.log(
          a.fetched
            ? `Apicurio ${av}: fetched ${(a.bytes / 1e6).toFixed(1)} MB into ${a.appDir} in ${a.ms} ms`
            : `Apicurio ${av}: already in ${a.appDir}`
        )
      }
      return 0
    }
    case 'up': {
      const i = rest.indexOf('--owner-pid')
      const ownerPid = i >= 0 ? Number(rest[i + 1]) : undefined
      const state = await up({ ownerPid })
      console.log(`services up (state: ${stateFilePath()})`)
      for (const [listener, addr] of Object.entries(state.bootstrap)) console.log(`  ${listener.padEnd(15)} ${addr}`)
      if (state.registry) {
        console.log(`  ${'REGISTRY'.padEnd(15)} ${state.registry.url}`)
        console.log(`  ${'REGISTRY_AUTH'.padEnd(15)} ${state.registry.proxyUrl}  (basic ${state.registry.proxyUser}, or bearer token)`)
      }
      return 0
    }
    case 'down':
      await down()
      return 0
    case 'status': {
      const s = await status()
      if (!s.state) {
        console.log(`no services (no state file at ${s.stateFile})`)
        return 1
      }
      console.log(JSON.stringify({ running: s.running, stateFile: s.stateFile, ...s.state }, null, 2))
      return s.running ? 0 : 1
    }
    default:
      console.error('usage: node scripts/services.mjs fetch|up|down|status')
      return 2
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[services] ${command} failed: ${err.message}`)
    process.exit(1)
  }
)
