import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { withBodyLimit } from '../../../../site/bodyLimit'
import { withHttpCaching } from '../../../../site/httpCache'
import { withReadModelAnswers } from '../../../../site/readModelAnswers'
import { withUnusedRoutesClosed } from '../../../../site/unusedRoutes'

// Anonymous project lists the read model answers exactly are answered from it
// (src/site/readModelAnswers.ts). Public reads get an ETag and revalidating Cache-Control (src/site/httpCache.ts); bodies over
// 1 MB are refused before they are read (src/site/bodyLimit.ts); version and verification routes
// a collection does not use answer 404 instead of Payload's 500 (src/site/unusedRoutes.ts).
export const GET = withHttpCaching(withReadModelAnswers(config, REST_GET(config)))
export const POST = withBodyLimit(withUnusedRoutesClosed(config, REST_POST(config)))
export const DELETE = withBodyLimit(REST_DELETE(config))
export const PATCH = withBodyLimit(REST_PATCH(config))
export const PUT = withBodyLimit(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
