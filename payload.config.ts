import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'

import { Users } from './src/collections/Users'
import { databaseAdapter } from './src/database'
import { payloadSecret } from './src/secret'
import { emailAdapter } from './src/email'
import { projectPagesPlugin } from './src/index'
import { localization } from './src/localization'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Browser front ends on other origins that may call the API (CORS), from CORS_ORIGINS (comma-separated). */
const corsOrigins = (process.env.CORS_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim().replace(/\/$/, ''))
  .filter(Boolean)

// Both checked as this file is imported (a weak production secret, a database URL or setting
// that cannot work), before a command or `npm start` goes on; the adapter itself loads on demand.
const secret = payloadSecret()
const db = databaseAdapter(process.env.DATABASE_URL || undefined)

/** The configuration, with the adapter of the database DATABASE_URL names. */
const configuration = async () =>
  buildConfig({
    serverURL: process.env.SERVER_URL || undefined,
    secret,
    admin: {
      user: Users.slug,
      // Gravatar is out of reach offline: the default avatar never shows as a broken image.
      avatar: 'default',
      importMap: { baseDir: path.resolve(dirname, 'src') },
      meta: { titleSuffix: ' · Project pages' },
    },
    collections: [Users],
    editor: lexicalEditor(),
    email: emailAdapter(),
    db: await db,
    localization,
    i18n: {
      supportedLanguages: { en, fr, es },
      fallbackLanguage: 'en',
    },
    plugins: [projectPagesPlugin()],
    typescript: {
      outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    },
    graphQL: {
      schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
    },
    // Only the configured origins may call the API from a browser; none by default.
    cors: corsOrigins,
    telemetry: false,
  })

export default configuration()
