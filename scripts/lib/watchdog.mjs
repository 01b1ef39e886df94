// Detached helper started by `up` when it has an owner process (test.mjs, with-services.mjs, vitest's
// globalSetup). If the owner dies without calling `down` (SIGKILL, crash, closed terminal), the
// watchdog stops the broker and removes its work dir and state file. Exits as soon as the broker is gone.
//
// usage: node watchdog.mjs <ownerPid> <brokerPid> <workDir> <stateFile> [<marker>...]
// The optional markers are the strings the watched process's argv must contain (default: kafka.Kafka
// and workDir); registry-services.mjs uses them to watch Apicurio and the registry auth proxy.
import fs from 'node:fs'
import { isOurProcess, sleep, terminate } from './proc.mjs'

const [ownerPid, brokerPid] = process.argv.slice(2, 4).map(Number)
const [workDir, stateFile] = process.argv.slice(4, 6)
const markers = process.argv.slice(6)
const brokerMarker = markers.length > 0 ? markers : ['kafka.Kafka', workDir]

process.on('SIGINT', () => {}) // only the explicit SIGTERM from `down` (or the owner's death) matters
for (;;) {
  await sleep(1000)
  if (!isOurProcess(brokerPid, brokerMarker)) process.exit(0)
  if (isOurProcess(ownerPid)) continue
  await terminate(brokerPid, brokerMarker)
  try {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'))
    if (state.pid === brokerPid) fs.rmSync(stateFile, { force: true })
  } catch {
    /* state file already gone */
  }
  fs.rmSync(workDir, { recursive: true, force: true })
  process.exit(0)
}
