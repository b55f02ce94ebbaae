import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { graphQLPost } from '../../../../graphql/handler'
import { withBodyLimit } from '../../../../site/bodyLimit'

// Queries over 1 MB are refused before they are parsed (src/site/bodyLimit.ts). Payload's route,
// remembering the documents it found valid (src/graphql/handler.ts).
export const POST = withBodyLimit(graphQLPost(config))
export const OPTIONS = REST_OPTIONS(config)
