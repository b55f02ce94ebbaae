/**
 * One generation step, run by scripts/generate.ts in its own process:
 *   types | importmap | graphql | migration <name>
 * It prints `ready: <step>` once the Payload config has loaded (synchronously, so the line
 * survives any exit), which is how the caller knows the step really ran: loading the config used
 * to stall now and then, ending the process having done nothing (Node 20 on Lexical's module
 * wrappers, avoided since by an export condition: scripts/lib/nodeConditions.mjs).
 */
import { writeFileSync } from 'node:fs'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import { generateImportMap, getPayload } from 'payload'

const [step, migrationName = 'schema'] = process.argv.slice(2)

const main = async () => {
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  console.log(`ready: ${step}`)
  // payload/node after the config: the order kept from when its loading stalled (see above).
  if (step === 'types') await (await import('payload/node')).generateTypes(config, { log: false })
  else if (step === 'importmap') await generateImportMap(config, { log: false })
  else if (step === 'graphql') writeFileSync(config.graphQL.schemaOutputFile, printSchema(configToSchema(config).schema))
  else if (step === 'migration') {
    const payload = await getPayload({ config, disableOnInit: true })
    // Exits the process by itself when the schema has no changes.
    await payload.db.createMigration({ migrationName, payload, skipEmpty: true })
  } else throw new Error(`unknown step "${step}"`)
  console.log(`done: ${step}`)
}

const keepAlive = setInterval(() => {}, 1000)
setTimeout(() => {
  console.error('Loading the Payload config stalled.')
  process.exit(3)
}, 120_000).unref()
main().then(
  () => {
    clearInterval(keepAlive)
    process.exit(0)
  },
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
