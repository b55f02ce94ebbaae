import type { Locale, Translations } from './locales'
import { isLocale } from './locales'

/**
 * Error messages in the admin's language. They run in field `validate` functions (server and
 * admin) and in hooks, so this module stays free of server-only imports.
 */
const MESSAGES = {
  required: {
    en: '{field} is required.',
    fr: '{field} est obligatoire.',
    es: '{field} es obligatorio.',
  },
  titleRequired: {
    en: 'Title is required in the language being saved ({locale}).',
    fr: 'Le titre est obligatoire dans la langue enregistrée ({locale}).',
    es: 'El título es obligatorio en el idioma que se guarda ({locale}).',
  },
  tooLong: {
    en: '{field} must be at most {max} characters (it has {length}).',
    fr: '{field} doit compter au plus {max} caractères (il en compte {length}).',
    es: '{field} debe tener como máximo {max} caracteres (tiene {length}).',
  },
  slugFormat: {
    en: 'Slug must be lowercase letters and digits separated by single hyphens, e.g. labour-migration-lesotho.',
    fr: 'Le slug doit être en minuscules, lettres et chiffres séparés par des tirets simples, p. ex. migration-de-travail-lesotho.',
    es: 'El slug debe estar en minúsculas, letras y cifras separadas por guiones simples, p. ej. migracion-laboral-lesotho.',
  },
  notText: {
    en: '{field} must be text.',
    fr: '{field} doit être un texte.',
    es: '{field} debe ser un texto.',
  },
  taken: {
    en: '{field} “{value}” is already used by another document.',
    fr: '{field} « {value} » est déjà utilisé par un autre document.',
    es: '{field} «{value}» ya lo usa otro documento.',
  },
  year: {
    en: '{field} must be a whole year from {min} to {max}.',
    fr: '{field} doit être une année entière de {min} à {max}.',
    es: '{field} debe ser un año entero entre {min} y {max}.',
  },
  endBeforeStart: {
    en: 'End year ({end}) cannot be before the start year ({start}).',
    fr: 'L’année de fin ({end}) ne peut pas précéder l’année de début ({start}).',
    es: 'El año de finalización ({end}) no puede ser anterior al año de inicio ({start}).',
  },
  budgetRange: {
    en: 'Budget (USD) must be a number from 0 to 1,000,000,000.',
    fr: 'Le budget (USD) doit être un nombre de 0 à 1 000 000 000.',
    es: 'El presupuesto (USD) debe ser un número entre 0 y 1.000.000.000.',
  },
  budgetDecimals: {
    en: 'Budget (USD) can have at most 2 decimals.',
    fr: 'Le budget (USD) ne peut avoir que 2 décimales au plus.',
    es: 'El presupuesto (USD) admite como máximo 2 decimales.',
  },
  primaIdFormat: {
    en: 'Prima ID must look like ZA10P0005: two capital letters, two digits, P, four digits.',
    fr: 'Le Prima ID doit avoir la forme ZA10P0005 : deux lettres majuscules, deux chiffres, P, quatre chiffres.',
    es: 'El Prima ID debe tener la forma ZA10P0005: dos letras mayúsculas, dos cifras, P, cuatro cifras.',
  },
  projectIdFormat: {
    en: 'Project ID must look like LM.0304 (type code, dot, four digits) or the legacy form V57-805.',
    fr: 'Le Projet ID doit avoir la forme LM.0304 (code du type, point, quatre chiffres) ou l’ancienne forme V57-805.',
    es: 'El ID del proyecto debe tener la forma LM.0304 (código de tipo, punto, cuatro cifras) o la forma antigua V57-805.',
  },
  projectIdRequired: {
    en: 'Project ID is required unless the project status is Pipeline.',
    fr: 'Le Projet ID est obligatoire sauf si le statut du projet est En préparation.',
    es: 'El ID del proyecto es obligatorio salvo si el estado del proyecto es En preparación.',
  },
  projectTypeUnknown: {
    en: 'Unknown project type “{value}”. Known types: {codes}.',
    fr: 'Type de projet inconnu « {value} ». Types connus : {codes}.',
    es: 'Tipo de proyecto desconocido «{value}». Tipos conocidos: {codes}.',
  },
  projectTypeMismatch: {
    en: 'Project type {type} does not match project ID {id}, whose type code is {prefix}.',
    fr: 'Le type de projet {type} ne correspond pas au Projet ID {id}, dont le code de type est {prefix}.',
    es: 'El tipo de proyecto {type} no corresponde al ID del proyecto {id}, cuyo código de tipo es {prefix}.',
  },
  coverageNational: {
    en: 'National coverage needs exactly one benefiting Member State (there are {count}).',
    fr: 'Une couverture nationale exige exactement un État membre bénéficiaire (il y en a {count}).',
    es: 'La cobertura nacional exige exactamente un Estado Miembro beneficiario (hay {count}).',
  },
  coverageRegional: {
    en: 'Regional coverage needs at least two benefiting Member States (there are {count}).',
    fr: 'Une couverture régionale exige au moins deux États membres bénéficiaires (il y en a {count}).',
    es: 'La cobertura regional exige al menos dos Estados Miembros beneficiarios (hay {count}).',
  },
  relatedSelf: {
    en: 'A project cannot be related to itself.',
    fr: 'Un projet ne peut pas être lié à lui-même.',
    es: 'Un proyecto no puede estar relacionado consigo mismo.',
  },
  notFound: {
    en: '{field}: no document with ID {value} exists.',
    fr: '{field} : aucun document avec l’ID {value} n’existe.',
    es: '{field}: no existe ningún documento con el ID {value}.',
  },
  outcomeOrder: {
    en: 'Order must be a whole number from 1 (shown as i, ii, iii…).',
    fr: 'L’ordre doit être un nombre entier à partir de 1 (affiché i, ii, iii…).',
    es: 'El orden debe ser un número entero desde 1 (se muestra i, ii, iii…).',
  },
  outcomeOrderTaken: {
    en: 'This project already has an outcome number {value}.',
    fr: 'Ce projet a déjà un effet direct numéro {value}.',
    es: 'Este proyecto ya tiene un resultado número {value}.',
  },
  iso2: {
    en: '“{value}” is not an ISO 3166-1 alpha-2 country code.',
    fr: '« {value} » n’est pas un code pays ISO 3166-1 alpha-2.',
    es: '«{value}» no es un código de país ISO 3166-1 alfa-2.',
  },
  iso3: {
    en: '“{value}” is not an ISO 3166-1 alpha-3 country code.',
    fr: '« {value} » n’est pas un code pays ISO 3166-1 alpha-3.',
    es: '«{value}» no es un código de país ISO 3166-1 alfa-3.',
  },
  isoMismatch: {
    en: 'ISO codes disagree: the alpha-3 code of {iso2} is {expected}, not {value}.',
    fr: 'Les codes ISO ne concordent pas : le code alpha-3 de {iso2} est {expected}, pas {value}.',
    es: 'Los códigos ISO no concuerdan: el código alfa-3 de {iso2} es {expected}, no {value}.',
  },
  memberStateInUse: {
    en: '{name} cannot be deleted: it is a benefiting Member State of {count} project(s): {projects}.',
    fr: '{name} ne peut pas être supprimé : c’est un État membre bénéficiaire de {count} projet(s) : {projects}.',
    es: '{name} no se puede eliminar: es Estado Miembro beneficiario de {count} proyecto(s): {projects}.',
  },
  forbiddenPublish: {
    en: 'Only a reviewer can publish: submit the project for review (reviewStatus: in-review) instead.',
    fr: 'Seul un réviseur peut publier : soumettez plutôt le projet en relecture (reviewStatus : in-review).',
    es: 'Solo un revisor puede publicar: envíe el proyecto a revisión (reviewStatus: in-review).',
  },
  forbiddenSchedule: {
    en: 'Only a reviewer sets or clears the publish date (publishAt), when approving.',
    fr: 'Seul un réviseur fixe ou efface la date de publication (publishAt), en approuvant.',
    es: 'Solo un revisor fija o borra la fecha de publicación (publishAt), al aprobar.',
  },
  forbiddenUnpublish: {
    en: 'Only a reviewer can unpublish a published page.',
    fr: 'Seul un réviseur peut dépublier une page publiée.',
    es: 'Solo un revisor puede despublicar una página publicada.',
  },
  forbiddenTransition: {
    en: 'Your role cannot move a project from “{from}” to “{to}”.',
    fr: 'Votre rôle ne permet pas de passer un projet de « {from} » à « {to} ».',
    es: 'Su rol no puede pasar un proyecto de «{from}» a «{to}».',
  },
  forbiddenWithdraw: {
    en: 'Only the person who submitted this project, or a reviewer, can withdraw it from review.',
    fr: 'Seule la personne qui a soumis ce projet, ou un réviseur, peut le retirer de la relecture.',
    es: 'Solo quien envió este proyecto, o un revisor, puede retirarlo de la revisión.',
  },
  fourEyes: {
    en: 'You edited this version, so another reviewer must approve it (four-eyes rule).',
    fr: 'Vous avez modifié cette version : un autre réviseur doit l’approuver (principe des quatre yeux).',
    es: 'Usted editó esta versión: otro revisor debe aprobarla (principio de los cuatro ojos).',
  },
  invalidTransition: {
    en: 'A project cannot go from “{from}” to “{to}”. From “{from}” it can go to: {allowed}.',
    fr: 'Un projet ne peut pas passer de « {from} » à « {to} ». Depuis « {from} », il peut passer à : {allowed}.',
    es: 'Un proyecto no puede pasar de «{from}» a «{to}». Desde «{from}» puede pasar a: {allowed}.',
  },
  noteRequired: {
    en: 'Say what must change: a note (reviewNote) is required when requesting changes.',
    fr: 'Indiquez ce qui doit changer : une note (reviewNote) est obligatoire pour demander des modifications.',
    es: 'Indique qué debe cambiar: una nota (reviewNote) es obligatoria al solicitar cambios.',
  },
  publishUnreviewed: {
    en: 'These changes have not been reviewed: submit the project for review first.',
    fr: 'Ces modifications n’ont pas été relues : soumettez d’abord le projet en relecture.',
    es: 'Estos cambios no se han revisado: envíe primero el proyecto a revisión.',
  },
  bulkWorkflow: {
    en: 'Review steps and publishing are done one project at a time, not in bulk.',
    fr: 'Les étapes de relecture et la publication se font projet par projet, pas en masse.',
    es: 'Los pasos de revisión y la publicación se hacen proyecto por proyecto, no en bloque.',
  },
  forbiddenDelete: {
    en: 'Only an admin can delete a document that was ever published.',
    fr: 'Seul un administrateur peut supprimer un document qui a déjà été publié.',
    es: 'Solo un administrador puede eliminar un documento que ya se publicó.',
  },
  forbiddenRestore: {
    en: 'Only an admin can restore an old version: it would replace the live page without review. Copy what you need into the draft instead.',
    fr: 'Seul un administrateur peut restaurer une ancienne version : elle remplacerait la page en ligne sans relecture. Copiez plutôt ce qu’il faut dans le brouillon.',
    es: 'Solo un administrador puede restaurar una versión anterior: reemplazaría la página publicada sin revisión. Copie lo necesario en el borrador.',
  },
} satisfies Record<string, Translations>

export type MessageKey = keyof typeof MESSAGES
type Vars = Record<string, string | number>

/** Anything that knows the reader's language: a Payload request, or a bare language code. */
type LanguageSource =
  | { i18n?: { language?: string } | null; locale?: string | null }
  | string
  | null
  | undefined

/** The admin language of a request (Accept-Language, the user's choice), else English. */
export const languageOf = (source: LanguageSource): Locale => {
  const language = typeof source === 'string' ? source : source?.i18n?.language
  return isLocale(language) ? language : 'en'
}

/** A message in the reader's language with `{name}` placeholders filled in. */
export const message = (source: LanguageSource, key: MessageKey, vars: Vars = {}): string =>
  MESSAGES[key][languageOf(source)].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
