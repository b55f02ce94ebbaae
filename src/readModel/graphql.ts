import type { Config, Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { configuredProjectTypes } from '../domain/vocabularies'
import { cardFacets } from './cardFacets'
import { CardQueryError, findProjectCards, parseCardFilters, parseCardQuery } from './findCards'

type GraphQLModule = Parameters<NonNullable<NonNullable<Config['graphQL']>['queries']>>[0]

/**
 * `ProjectCards(locale, q, status, projectType, idfRegion, coverage, memberState, from, to, sort,
 * limit, page)`: the read model's card list (src/readModel/findCards.ts) in GraphQL, with the same
 * arguments and refusals as `GET /api/projects/cards` and typed cards a client selects from; and
 * `ProjectCardFacets(locale, q, …, to)`, its facets (`GET /api/projects/cards/facets`).
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

  const count = { type: new GraphQLNonNull(GraphQLInt) }
  const label = { type: new GraphQLNonNull(GraphQLString) }
  const ProjectCardFacetTerm = new GraphQLObjectType({
    name: 'ProjectCardFacetTerm',
    fields: { value: { type: new GraphQLNonNull(GraphQLString) }, label, count },
  })
  const ProjectCardFacetYear = new GraphQLObjectType({
    name: 'ProjectCardFacetYear',
    fields: { value: count, label, count },
  })
  const terms = { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ProjectCardFacetTerm))) }
  const years = { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ProjectCardFacetYear))) }
  const ProjectCardFacetGroups = new GraphQLObjectType({
    name: 'ProjectCardFacetGroups',
    fields: { status: terms, projectType: terms, idfRegion: terms, coverage: terms, memberStates: terms, startYear: years, endYear: years },
  })
  const ProjectCardFacets = new GraphQLObjectType({
    name: 'ProjectCardFacets',
    fields: { totalDocs: count, facets: { type: new GraphQLNonNull(ProjectCardFacetGroups) } },
  })

  const filterArgs = {
    locale: text,
    q: text,
    status: text,
    projectType: text,
    idfRegion: text,
    coverage: text,
    memberState: text,
    from: int,
    to: int,
  }
  /** Runs `read` on the arguments as the REST endpoint reads its query string (numbers arrive as text there). */
  const answer = async <T>(args: Record<string, unknown>, read: (params: Record<string, string>) => Promise<T>) => {
    const params = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null).map(([key, value]) => [key, String(value)]))
    try {
      return await read(params)
    } catch (error) {
      // Public, so Payload's error formatting shows the message instead of “Something went wrong”.
      if (error instanceof CardQueryError) throw new APIError(error.message, 400, null, true)
      throw error
    }
  }

  return {
    ProjectCardFacets: {
      type: new GraphQLNonNull(ProjectCardFacets),
      args: filterArgs,
      resolve: (_parent: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) =>
        answer(args, (params) => cardFacets(req.payload, parseCardFilters(params, configuredProjectTypes(req.payload.config)))),
    },
    ProjectCards: {
      type: new GraphQLNonNull(ProjectCards),
      args: { ...filterArgs, sort: text, limit: int, page: int },
      resolve: (_parent: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) =>
        answer(args, async (params) => JSON.parse((await findProjectCards(req.payload, parseCardQuery(params, configuredProjectTypes(req.payload.config)))).json)),
    },
  }
}
