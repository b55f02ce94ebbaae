import type { Config, Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { configuredProjectTypes } from '../domain/vocabularies'
import { CardQueryError, findProjectCards, parseCardQuery } from './findCards'

type GraphQLModule = Parameters<NonNullable<NonNullable<Config['graphQL']>['queries']>>[0]

/**
 * `ProjectCards(locale, q, status, projectType, idfRegion, coverage, memberState, from, to, sort,
 * limit, page)`: the read model's card list (src/readModel/findCards.ts) in GraphQL, with the same
 * arguments and refusals as `GET /api/projects/cards` and typed cards a client selects from.
 */
export const projectCardsQuery = (GraphQL: GraphQLModule, { config }: { config: Payload['config'] }) => {
  const { GraphQLBoolean, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  // IDs typed as the collections' own (Payload hands its schema builder here, with the config).
  const ID = config.db.defaultIDType === 'number' ? GraphQLInt : GraphQLString
  const text = { type: GraphQLString }
  const int = { type: GraphQLInt }

  const ProjectCardLabels = new GraphQLObjectType({
    name: 'ProjectCardLabels',
    fields: { status: text, projectType: text, coverage: text, idfRegion: text },
  })
  const ProjectCardMemberState = new GraphQLObjectType({
    name: 'ProjectCardMemberState',
    fields: { id: { type: new GraphQLNonNull(ID) }, name: text, iso2: text, slug: text },
  })
  const ProjectCard = new GraphQLObjectType({
    name: 'ProjectCard',
    fields: {
      id: { type: new GraphQLNonNull(ID) },
      title: text,
      slug: text,
      summary: text,
      projectId: text,
      primaId: text,
      status: text,
      projectType: text,
      idfRegion: text,
      coverage: text,
      startYear: int,
      endYear: int,
      budgetUSD: { type: GraphQLFloat },
      translatedLocales: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      labels: { type: ProjectCardLabels },
      memberStates: { type: new GraphQLList(new GraphQLNonNull(ProjectCardMemberState)) },
    },
  })
  const ProjectCards = new GraphQLObjectType({
    name: 'ProjectCards',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ProjectCard))) },
      limit: int,
      page: int,
      hasPrevPage: { type: GraphQLBoolean },
      hasNextPage: { type: GraphQLBoolean },
      prevPage: int,
      nextPage: int,
    },
  })

  return {
    ProjectCards: {
      type: new GraphQLNonNull(ProjectCards),
      args: {
        locale: text,
        q: text,
        status: text,
        projectType: text,
        idfRegion: text,
        coverage: text,
        memberState: text,
        from: int,
        to: int,
        sort: text,
        limit: int,
        page: int,
      },
      resolve: async (_parent: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) => {
        const projectTypes = configuredProjectTypes(req.payload.config)
        // The same reading as the REST endpoint's query string: numbers arrive as text there.
        const params = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null).map(([key, value]) => [key, String(value)]))
        try {
          const { json } = await findProjectCards(req.payload, parseCardQuery(params, projectTypes))
          return JSON.parse(json)
        } catch (error) {
          // Public, so Payload's error formatting shows the message instead of “Something went wrong”.
          if (error instanceof CardQueryError) throw new APIError(error.message, 400, null, true)
          throw error
        }
      },
    },
  }
}
