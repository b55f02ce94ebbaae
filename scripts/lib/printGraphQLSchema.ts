/** Writes the GraphQL schema the API serves to graphQL.schemaOutputFile, for front ends to import. */
import { writeFileSync } from 'node:fs'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

const main = async () => {
  const { default: config } = await import('../../payload.config')
  const sanitized = await config
  const { schema } = configToSchema(sanitized)
  writeFileSync(sanitized.graphQL.schemaOutputFile, printSchema(schema))
}

// Keep the event loop alive while the config loads: on a cold tsx cache the loader can leave
// nothing scheduled between steps, and Node would exit with an unsettled top-level await (13).
const keepAlive = setInterval(() => {}, 1000)
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
