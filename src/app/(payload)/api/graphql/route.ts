import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withBodyLimit } from '../../../../site/bodyLimit'

// Queries over 1 MB are refused before they are parsed (src/site/bodyLimit.ts).
export const POST = withBodyLimit(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
