import depthLimit from 'graphql-depth-limit'
import type { CollectionConfig, CollectionSlug, Config } from 'payload'

import { ADMIN_TRANSLATIONS } from './admin/translations'
import { readOnlyForApiKeys } from './access/readOnlyApiKeys'
import { MemberStates } from './collections/MemberStates'
import { createOutcomesCollection } from './collections/Outcomes'
import { ProjectCardFacets } from './collections/ProjectCardFacets'
import { ProjectCards } from './collections/ProjectCards'
import { createProjectsCollection } from './collections/Projects'
import { createReviewEventsCollection } from './collections/ReviewEvents'
import type { Term } from './domain/vocabularies'
import { DEFAULT_PROJECT_TYPES, mergeProjectTypes } from './domain/vocabularies'
import { localization } from './localization'
import { queriesWithLocaleFallbacks } from './graphql/localeFallbacks'
import { projectsFromReadModel } from './readModel/genericListGraphQL'
import { projectCardsQuery } from './readModel/graphql'
import { deliverWebhookTask, WEBHOOKS_QUEUE } from './webhooks/deliverWebhook'
import { publishScheduledTask } from './workflow/publishScheduled'

export type { Term } from './domain/vocabularies'
/** Rebuilds the read model when it is out of step; call after migrations when not using `npm start`. */
export { ensureProjectCards, rebuildProjectCards } from './readModel/cards'

export type ProjectPagesPluginOptions = {
  /**
   * Leave the collections in the schema but skip the plugin's hooks and collections entirely.
   * Payload's plugin convention: keeps the database schema stable while a plugin is switched off.
   * @default false
   */
  disabled?: boolean
  /**
   * Project types added to (or relabelling) the organisation's default list, e.g.
   * `[{ value: 'HX', label: { en: 'Health', fr: 'Santé', es: 'Salud' } }]`. Types are stored as
   * text, so adding one needs no migration of existing data.
   */
  projectTypes?: Term[]
  /**
   * The auth collection recorded in `createdBy` and `updatedBy`.
   * @default the host config's `admin.user`, else `'users'`
   */
  usersCollection?: CollectionSlug
  /**
   * How many versions of each project and outcome are kept, the newest published one among them
   * (0: all). Payload's own `versions.maxPerDoc` is off for these collections: see
   * src/hooks/pruneVersions.ts.
   * @default 100
   */
  versionsPerDocument?: number
}

const PLUGIN_SLUGS = ['projects', 'outcomes', 'member-states', 'review-events', 'project-cards', 'project-card-facets'] as const

/**
 * The project-pages content model as a Payload plugin: the `projects`, `outcomes` and
 * `member-states` collections with the organisation's rules. It adds to the host config and
 * never replaces what is there: a host collection with one of these slugs is an error, not a
 * silent override, and localization is only supplied (en, fr, es) when the host has none.
 */
export const projectPagesPlugin =
  (options: ProjectPagesPluginOptions = {}) =>
  (incoming: Config): Config => {
    const config: Config = { ...incoming, collections: [...(incoming.collections ?? [])] }
    if (options.disabled) return config

    const clash = config.collections!.find((collection) =>
      (PLUGIN_SLUGS as readonly string[]).includes(collection.slug),
    )
    if (clash) {
      throw new Error(
        `projectPagesPlugin: the host config already has a collection "${clash.slug}". ` +
          `The plugin owns ${PLUGIN_SLUGS.join(', ')}; rename the host collection.`,
      )
    }

    const usersSlug = (options.usersCollection ?? config.admin?.user ?? 'users') as CollectionSlug
    const projectTypes = mergeProjectTypes(DEFAULT_PROJECT_TYPES, options.projectTypes)
    const collections: CollectionConfig[] = [
      createProjectsCollection({ projectTypes, usersSlug, versionsPerDocument: options.versionsPerDocument }),
      createOutcomesCollection({ usersSlug, versionsPerDocument: options.versionsPerDocument }),
      MemberStates,
      ProjectCards,
      ProjectCardFacets,
      createReviewEventsCollection({ usersSlug }),
    ]
    config.collections!.push(...collections)
    // API keys read and never write, on every collection (src/access/readOnlyApiKeys.ts).
    config.collections = config.collections!.map(readOnlyForApiKeys)
    // What the exporter and other server code need to know of the options, read off payload.config.
    config.custom = { ...config.custom, projectPages: { projectTypes } }

    // Scheduled publishing runs on Payload's jobs queue, checked every minute by the server.
    config.jobs = {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), publishScheduledTask, deliverWebhookTask],
      // Scheduled publishing is checked every minute; front-end webhooks go out within seconds.
      autoRun: config.jobs?.autoRun ?? [
        { cron: '* * * * *', queue: 'default', limit: 20 },
        { cron: '*/5 * * * * *', queue: WEBHOOKS_QUEUE, limit: 50 },
      ],
      // JOBS_AUTORUN=false on web instances when a separate worker runs the queues (docs/deployment.md).
      shouldAutoRun: config.jobs?.shouldAutoRun ?? (() => process.env.NODE_ENV !== 'test' && process.env.JOBS_AUTORUN !== 'false'),
    }

    // The dashboard opens on the day's work: review queue, own drafts, what came back (src/admin/Dashboard).
    config.admin = {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/admin/Dashboard#ProjectDashboard'],
      },
    }

    // Front ends cannot send queries nested deeper than a page needs (complexity is capped by
    // Payload's graphQL.maxComplexity; depth is not, so it is here).
    const hostRules = config.graphQL?.validationRules
    const hostQueries = config.graphQL?.queries
    config.graphQL = {
      ...config.graphQL,
      // The read model's card list (src/readModel/graphql.ts) beside the host's own queries, and
      // the project list answered from it when it can (src/readModel/genericListGraphQL.ts).
      // Every query taking a locale reads with that locale's fallbacks (src/graphql/localeFallbacks.ts).
      queries: (GraphQL, payload) => {
        // Payload's own queries are replaced in the map it builds the schema from, not returned:
        // returned, they would be wrapped as custom queries, whose resolvers get a copy of the
        // context, and the nested resolvers (an outcomes join) would lose the locale they set.
        const fields = payload.Query.fields
        if (fields.Projects) fields.Projects = projectsFromReadModel(fields.Projects)
        Object.assign(fields, queriesWithLocaleFallbacks(fields))
        return { ...(hostQueries?.(GraphQL, payload) ?? {}), ...projectCardsQuery(GraphQL, payload) }
      },
      validationRules: (args) => [...(hostRules?.(args) ?? []), depthLimit(MAX_GRAPHQL_DEPTH)],
    }

    // The admin's own words, merged under their own namespace so the host's translations stay.
    config.i18n = { ...config.i18n, translations: mergeTranslations(config.i18n?.translations, ADMIN_TRANSLATIONS) }

    if (!config.localization) {
      config.localization = localization
    }
    return config
  }

const mergeTranslations = (host: Record<string, any> = {}, ours: Record<string, any>) =>
  Object.fromEntries(
    [...new Set([...Object.keys(host), ...Object.keys(ours)])].map((language) => [language, { ...host[language], ...ours[language] }]),
  )

/** How deep a GraphQL query may nest: a project page needs 5 (Projects › docs › outcomes › docs › statement). */
export const MAX_GRAPHQL_DEPTH = 8

export default projectPagesPlugin
