/**
 * The benchmark's portfolio: a realistic, deterministic set of projects in the shape the content
 * model stores, made either by `generatePortfolio` (our own generator) or from a dataset file
 * such as the one the Directus peer dumps (`portfolioFromDataset`), so both sides serve the same
 * rows. Nothing here touches a database: see load.ts.
 */
import { Faker, base, en } from '@faker-js/faker'
import slugify from 'slugify'

import { countryName, isIso2 } from '../src/domain/countries'
import type { Locale } from '../src/domain/locales'
import { COVERAGES, DEFAULT_PROJECT_TYPES, IDF_REGIONS, PROJECT_STATUSES } from '../src/domain/vocabularies'
import { readMemberStates } from '../src/seed/memberStates'

type Texts<T = string> = Partial<Record<Locale, T>>

export type PortfolioMemberState = { iso2: string; iso3: string; name: Texts; idfRegion: string | null }

export type PortfolioOutcome = { statement: Texts; indicators: Texts<string[]> }

export type PortfolioProject = {
  id: number
  slug: string
  title: Texts
  summary: Texts
  /** Paragraphs of the description, per language. */
  description: Texts<string[]>
  partners: Texts<string[]>
  startYear: number
  endYear: number
  fundingYear: number
  status: string
  projectType: string
  budgetUSD: number
  coverage: string
  idfRegion: string
  primaId: string
  projectId: string
  /** ISO 3166-1 alpha-2 codes, in order. */
  memberStates: string[]
  outcomes: PortfolioOutcome[]
}

export type Portfolio = {
  /** Where the rows came from, for the results file. */
  source: string
  memberStates: PortfolioMemberState[]
  projects: PortfolioProject[]
}

export const DEFAULT_SEED = 20261128

/** The languages a project is written in: all in English, about a third in French, a tenth in Spanish. */
const languagesOf = (faker: Faker): Locale[] => {
  const languages: Locale[] = ['en']
  if (faker.number.float() < 1 / 3) languages.push('fr')
  if (faker.number.float() < 1 / 10) languages.push('es')
  return languages
}

// Phrase banks in the three languages, index-aligned, so a translated page says the same thing.
const ACTIONS: Record<Locale, string[]> = {
  en: ['Strengthening', 'Enhancing', 'Supporting', 'Promoting', 'Building'],
  fr: ['Renforcement de', 'Amélioration de', 'Appui à', 'Promotion de', 'Développement de'],
  es: ['Fortalecimiento de', 'Mejora de', 'Apoyo a', 'Promoción de', 'Desarrollo de'],
}
const TOPICS: Record<Locale, string[]> = {
  en: [
    'Labour Migration Governance', 'Border Management Capacities', 'Diaspora Engagement', 'Migration Data Systems',
    'Counter-Trafficking Responses', 'Community Stabilization', 'Reintegration of Returnees', 'Migrant Health Services',
    'Climate Mobility Preparedness', 'Consular Services', 'Migrant Protection', 'Remittance Channels',
    'Evidence-Based Policy', 'Regional Dialogue', 'Identity Management', 'Ethical Recruitment',
  ],
  fr: [
    'la gouvernance des migrations de main-d’œuvre', 'la gestion des frontières', 'l’engagement de la diaspora',
    'des systèmes de données migratoires', 'la lutte contre la traite', 'la stabilisation communautaire',
    'la réintégration des personnes de retour', 'des services de santé pour les migrants',
    'la préparation à la mobilité climatique', 'des services consulaires', 'la protection des migrants',
    'des canaux de transferts de fonds', 'des politiques fondées sur des données', 'un dialogue régional',
    'la gestion de l’identité', 'un recrutement éthique',
  ],
  es: [
    'la gobernanza de la migración laboral', 'la gestión de fronteras', 'la vinculación con la diáspora',
    'sistemas de datos migratorios', 'la lucha contra la trata', 'la estabilización comunitaria',
    'la reintegración de retornados', 'servicios de salud para migrantes', 'la preparación ante la movilidad climática',
    'servicios consulares', 'la protección de migrantes', 'canales de remesas', 'políticas basadas en datos',
    'un diálogo regional', 'la gestión de la identidad', 'una contratación ética',
  ],
}
const IN: Record<Locale, string> = { en: 'in', fr: 'au', es: 'en' }
const SENTENCES: Record<Locale, string[]> = {
  en: [
    'The project supports the government in developing policies that respond to the needs of migrants and host communities.',
    'Training sessions build the capacities of officials in data collection, analysis and reporting.',
    'A national coordination mechanism brings together ministries, civil society and development partners.',
    'Standard operating procedures are drafted, validated and rolled out in pilot locations.',
    'Awareness campaigns inform prospective migrants of safe and regular pathways.',
    'The results feed a monitoring framework agreed with the counterparts.',
    'Particular attention is given to gender, disability and the rights of children.',
    'Lessons learned are documented and shared with neighbouring countries.',
  ],
  fr: [
    'Le projet aide le gouvernement à élaborer des politiques qui répondent aux besoins des migrants et des communautés d’accueil.',
    'Des formations renforcent les capacités des fonctionnaires en matière de collecte, d’analyse et de diffusion des données.',
    'Un mécanisme national de coordination réunit les ministères, la société civile et les partenaires de développement.',
    'Des procédures opérationnelles normalisées sont rédigées, validées puis déployées sur des sites pilotes.',
    'Des campagnes de sensibilisation informent les candidats à la migration des voies sûres et régulières.',
    'Les résultats alimentent un cadre de suivi convenu avec les homologues.',
    'Une attention particulière est accordée au genre, au handicap et aux droits de l’enfant.',
    'Les enseignements tirés sont documentés et partagés avec les pays voisins.',
  ],
  es: [
    'El proyecto apoya al gobierno en la elaboración de políticas que respondan a las necesidades de los migrantes y las comunidades de acogida.',
    'Las capacitaciones fortalecen las capacidades de los funcionarios en la recopilación, el análisis y la difusión de datos.',
    'Un mecanismo nacional de coordinación reúne a los ministerios, la sociedad civil y los socios para el desarrollo.',
    'Se redactan, validan y aplican procedimientos operativos estándar en lugares piloto.',
    'Las campañas de sensibilización informan a los posibles migrantes sobre vías seguras y regulares.',
    'Los resultados alimentan un marco de seguimiento acordado con las contrapartes.',
    'Se presta especial atención al género, la discapacidad y los derechos de la infancia.',
    'Las lecciones aprendidas se documentan y se comparten con los países vecinos.',
  ],
}
const OUTCOMES: Record<Locale, string[]> = {
  en: [
    'The government has the tools to collect and analyse migration data.',
    'Officials apply the new procedures in their daily work.',
    'Migrants have access to accurate information before departure.',
    'Coordination between the institutions concerned is strengthened.',
    'Communities benefit from services adapted to their needs.',
  ],
  fr: [
    'Le gouvernement dispose des outils pour collecter et analyser les données migratoires.',
    'Les fonctionnaires appliquent les nouvelles procédures dans leur travail quotidien.',
    'Les migrants ont accès à des informations exactes avant leur départ.',
    'La coordination entre les institutions concernées est renforcée.',
    'Les communautés bénéficient de services adaptés à leurs besoins.',
  ],
  es: [
    'El gobierno dispone de las herramientas para recopilar y analizar datos migratorios.',
    'Los funcionarios aplican los nuevos procedimientos en su trabajo diario.',
    'Los migrantes tienen acceso a información precisa antes de su partida.',
    'Se fortalece la coordinación entre las instituciones concernidas.',
    'Las comunidades se benefician de servicios adaptados a sus necesidades.',
  ],
}

/** 1–3 KB of description in a language, as paragraphs of 2–4 sentences. */
const paragraphs = (faker: Faker, locale: Locale, bytes: number): string[] => {
  const out: string[] = []
  let length = 0
  while (length < bytes) {
    const paragraph = faker.helpers.multiple(() => faker.helpers.arrayElement(SENTENCES[locale]), { count: { min: 2, max: 4 } }).join(' ')
    out.push(paragraph)
    length += paragraph.length + 1
  }
  return out
}

const perLanguage = <T>(languages: Locale[], make: (locale: Locale) => T): Texts<T> =>
  Object.fromEntries(languages.map((locale) => [locale, make(locale)]))

/** The reference Member States (the seed's list), in the portfolio's shape. */
export const referenceMemberStates = (): PortfolioMemberState[] =>
  readMemberStates().map(({ iso2, iso3, name, idfRegion }) => ({ iso2, iso3, name, idfRegion }))

/**
 * `count` projects, the same ones for the same seed: 1–5 Member States (most have one, chosen in
 * the project's region), three outcomes, a description of 1–3 KB, about a third translated into
 * French and a tenth into Spanish.
 */
export const generatePortfolio = ({ count, seed = DEFAULT_SEED }: { count: number; seed?: number }): Portfolio => {
  const faker = new Faker({ locale: [en, base], seed })
  const memberStates = referenceMemberStates()
  const regions = IDF_REGIONS.map((region) => region.value).filter((region) => region !== 'global')
  const statesIn = (region: string) => {
    const inRegion = memberStates.filter((state) => state.idfRegion === region)
    return inRegion.length > 0 ? inRegion : memberStates
  }
  const numberPerType = new Map<string, number>()
  const projects: PortfolioProject[] = []
  for (let id = 1; id <= count; id++) {
    const languages = languagesOf(faker)
    const coverage = faker.helpers.weightedArrayElement([
      { value: 'national', weight: 70 },
      { value: 'regional', weight: 20 },
      { value: 'global', weight: 10 },
    ])
    const idfRegion = coverage === 'global' ? 'global' : faker.helpers.arrayElement(regions)
    const pool = idfRegion === 'global' ? memberStates : statesIn(idfRegion)
    // The organisation's rule: national coverage names one State, regional at least two.
    const stateCount =
      coverage === 'national'
        ? 1
        : faker.helpers.weightedArrayElement(
            [1, 2, 3, 4, 5]
              .map((value, i) => ({ value, weight: [35, 25, 20, 10, 10][i] }))
              .filter(({ value }) => coverage !== 'regional' || value >= 2),
          )
    const states = faker.helpers.arrayElements(pool, Math.min(stateCount, pool.length))
    const action = faker.number.int({ max: ACTIONS.en.length - 1 })
    const topic = faker.number.int({ max: TOPICS.en.length - 1 })
    const where = (locale: Locale) => countryName(states[0].iso2, locale, states[0].name.en)
    const title = perLanguage(languages, (l) => `${ACTIONS[l][action]} ${TOPICS[l][topic]} ${IN[l]} ${where(l)}`)
    const startYear = faker.number.int({ min: 2000, max: 2025 })
    const projectType = faker.helpers.arrayElement(DEFAULT_PROJECT_TYPES).value
    const typeNumber = (numberPerType.get(projectType) ?? 0) + 1
    numberPerType.set(projectType, typeNumber)
    const descriptionBytes = faker.number.int({ min: 1024, max: 3072 })
    const outcomeTexts = faker.helpers.arrayElements(OUTCOMES.en.map((_, i) => i), 3)
    projects.push({
      id,
      slug: `${slugify(title.en!, { lower: true, strict: true })}-${id}`,
      title,
      summary: perLanguage(languages, (l) => SENTENCES[l][topic % SENTENCES[l].length]),
      description: perLanguage(languages, (l) => paragraphs(faker, l, descriptionBytes)),
      partners: faker.number.float() < 0.4 ? { en: [faker.company.name()] } : {},
      startYear,
      endYear: startYear + faker.number.int({ min: 1, max: 8 }),
      fundingYear: startYear,
      status: faker.helpers.weightedArrayElement([
        { value: 'pipeline', weight: 20 },
        { value: 'active', weight: 40 },
        { value: 'completed', weight: 40 },
      ]),
      projectType,
      budgetUSD: faker.number.int({ min: 50_000_00, max: 5_000_000_00 }) / 100,
      coverage,
      idfRegion,
      primaId: primaIdOf(states[0].iso2, id),
      projectId: `${projectType}.${String(typeNumber).padStart(4, '0')}`,
      memberStates: states.map((state) => state.iso2),
      outcomes: outcomeTexts.map((text, i) => ({
        statement: perLanguage(languages, (l) => OUTCOMES[l][text]),
        indicators: i === 0 ? perLanguage(languages, () => [`${faker.number.int({ min: 2, max: 40 })} %`]) : {},
      })),
    })
  }
  return { source: `generated (seed ${seed}, ${count} projects)`, memberStates, projects }
}

/** A Prima ID unique per project: the office's ISO code, two digits and four from the row number. */
const primaIdOf = (iso2: string, id: number) =>
  `${iso2}${String(10 + Math.floor((id - 1) / 10_000)).padStart(2, '0')}P${String((id - 1) % 10_000).padStart(4, '0')}`

/** The Directus peer's dump (`node seed.mjs json`): { memberStates, projects, links }. */
export type PeerDataset = {
  memberStates: { id: number; name: string; iso2: string; iso3: string; idf_region: string }[]
  projects: {
    id: number
    title: string
    slug: string
    status: string
    project_type: string
    budget_usd: string | number
    coverage: string
    idf_region: string
    start_year: number
    end_year: number
    prima_id: string
    project_id: string
    description: string
  }[]
  links: { id: number; projects_id: number; member_states_id: number }[]
}

const known = (values: readonly { value: string }[], value: string, fallback: string) =>
  values.some((term) => term.value === value) ? value : fallback

/**
 * The peer's rows as ours: the same ids, titles, slugs, vocabularies (status, coverage and region
 * use the same codes), years, budgets, descriptions and Member States. What the peer's model has
 * not got is added deterministically from the project id: project types map onto ours, IDs take
 * our formats, three outcomes each, French for a third and Spanish for a tenth (titles marked as
 * such), so the French list query finds translations as it would in production.
 */
export const portfolioFromDataset = (dataset: PeerDataset, seed = DEFAULT_SEED): Portfolio => {
  const faker = new Faker({ locale: [en, base], seed })
  // Our model accepts ISO 3166-1 codes only: a user-assigned code such as XK (Kosovo) is left out
  // with its links, and the source says how many.
  const refused = dataset.memberStates.filter((state) => !isIso2(state.iso2))
  const statesById = new Map(dataset.memberStates.filter((state) => isIso2(state.iso2)).map((state) => [state.id, state]))
  const droppedLinks = dataset.links.filter((link) => !statesById.has(link.member_states_id)).length
  const linksByProject = new Map<number, number[]>()
  for (const link of [...dataset.links].sort((a, b) => a.id - b.id)) {
    linksByProject.set(link.projects_id, [...(linksByProject.get(link.projects_id) ?? []), link.member_states_id])
  }
  const peerTypes = [...new Set(dataset.projects.map((project) => project.project_type))].sort()
  const numberPerType = new Map<string, number>()
  const projects = dataset.projects.map((row): PortfolioProject => {
    const languages = languagesOf(faker)
    const projectType = DEFAULT_PROJECT_TYPES[peerTypes.indexOf(row.project_type) % DEFAULT_PROJECT_TYPES.length].value
    const typeNumber = (numberPerType.get(projectType) ?? 0) + 1
    numberPerType.set(projectType, typeNumber)
    const states = (linksByProject.get(row.id) ?? []).map((id) => statesById.get(id)!).filter(Boolean)
    const outcomeTexts = faker.helpers.arrayElements(OUTCOMES.en.map((_, i) => i), 3)
    const translated = (l: Locale, text: string) => (l === 'en' ? text : `${text} (${l.toUpperCase()})`)
    return {
      id: row.id,
      slug: row.slug,
      title: perLanguage(languages, (l) => translated(l, row.title)),
      summary: {},
      description: perLanguage(languages, (l) => [translated(l, row.description)]),
      partners: {},
      startYear: row.start_year,
      endYear: row.end_year,
      fundingYear: row.start_year,
      status: known(PROJECT_STATUSES, row.status, 'active'),
      projectType,
      budgetUSD: Math.min(Number(row.budget_usd), 1_000_000_000),
      // A regional project naming one State breaks our rule (at least two): read as national.
      coverage: row.coverage === 'regional' && states.length < 2 ? 'national' : known(COVERAGES, row.coverage, 'national'),
      idfRegion: known(IDF_REGIONS, row.idf_region, 'global'),
      primaId: primaIdOf(states[0]?.iso2 ?? 'XX', row.id),
      projectId: `${projectType}.${String(typeNumber).padStart(4, '0')}`,
      memberStates: states.map((state) => state.iso2),
      outcomes: outcomeTexts.map((text) => ({ statement: perLanguage(languages, (l) => OUTCOMES[l][text]), indicators: {} })),
    }
  })
  const memberStates = [...statesById.values()].map((state) => ({
    iso2: state.iso2,
    iso3: state.iso3,
    name: {
      en: state.name,
      fr: countryName(state.iso2, 'fr', state.name),
      es: countryName(state.iso2, 'es', state.name),
    },
    idfRegion: known(IDF_REGIONS, state.idf_region, 'global') as string,
  }))
  const left =
    (refused.length ? `; left out: ${refused.map((state) => state.iso2).join(', ')} (not ISO 3166-1) and its ${droppedLinks} links` : '') +
    `; ${projects.filter((project, i) => project.coverage === 'national' && dataset.projects[i].coverage === 'regional').length} regional projects with one State read as national`
  return { source: `dataset (${dataset.projects.length} projects${left})`, memberStates, projects }
}
