import { paragraphsToLexical } from '../domain/richText'

/**
 * The Lesotho project page as the organisation's French site shows it today
 * (test/fixtures/lesotho-labour-migration.fr.txt): the sample content of a new installation.
 * The page exists in French only; its regional sister project is not on the site, so
 * `relatedProjects` stays empty. The page has no summary of its own, so none is invented.
 */
export const LESOTHO_PROJECT = {
  locale: 'fr',
  memberStates: ['LS'],
  project: {
    title: 'Renforcement de la gestion de la migration de travail au Lesotho',
    endYear: 2024,
    status: 'completed',
    projectType: 'LM',
    budgetUSD: 150000,
    coverage: 'national',
    idfRegion: 'africa',
    primaId: 'ZA10P0005',
    projectId: 'LM.0304',
    partners: ['Ministère de la main-d’œuvre et de l’emploi du Lesotho'],
    description: paragraphsToLexical([
      'Ce projet a pour objectif général d’aider le Ministère de la main-d’œuvre et de l’emploi du Lesotho à mettre en œuvre des programmes de migration de travail en application du plan d’action sur la migration de travail (2016-2019) de la Communauté de développement de l’Afrique australe (SADC), du plan directeur régional de la SADC concernant la migration de travail, et de l’article 19 du Protocole de la SADC sur l’emploi et le travail qui énonce des dispositions relatives à la protection des travailleurs migrants.',
      'En partenariat avec le Ministère de la main-d’œuvre et de l’emploi, l’OIM atteindra cet objectif par l’obtention des trois effets directs suivants : i) le Gouvernement du Lesotho démontre qu’il est mieux à même de gérer la migration de travail ; ii) la coopération bilatérale entre le Gouvernement du Lesotho et un pays de destination dans le domaine de la gestion de la migration de travail est renforcée, et un programme d’échange de main-d’œuvre est institué en vertu de l’accord bilatéral sur la main-d’œuvre ; et iii) le Gouvernement du Lesotho a amélioré l’application de la politique nationale relative à la migration de travail grâce à la mise en œuvre du plan d’action national concernant la politique de migration de travail. Ce projet national de migration de travail entend compléter le projet régional financé par le Fonds de l’OIM pour le développement qui vise à réunir les Etats membres de la SADC sélectionnés pour faciliter des arrangements Sud-Sud en matière de mobilité de la main-d’œuvre. A cet égard, le but est de protéger les droits fondamentaux − droits de l’homme, droits du travail, droit à la santé et droits sociaux − des travailleurs migrants, de leur famille et de leurs communautés d’origine et de destination.',
    ]),
  },
  outcomes: [
    'Le Gouvernement du Lesotho démontre qu’il est mieux à même de gérer la migration de travail.',
    'La coopération bilatérale entre le Gouvernement du Lesotho et un pays de destination dans le domaine de la gestion de la migration de travail est renforcée, et un programme d’échange de main-d’œuvre est institué en vertu de l’accord bilatéral sur la main-d’œuvre.',
    'Le Gouvernement du Lesotho a amélioré l’application de la politique nationale relative à la migration de travail grâce à la mise en œuvre du plan d’action national concernant la politique de migration de travail.',
  ],
} as const
