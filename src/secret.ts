/**
 * PAYLOAD_SECRET signs every session and API token: a guessable one lets anyone forge an
 * editor's login. A production server refuses to start with a missing, short or placeholder
 * secret (the build and development are not checked). `openssl rand -hex 32` makes a good one;
 * `npm start` writes a random one to .env when none is set.
 */
export const SECRET_MIN_LENGTH = 32

const PLACEHOLDERS = /^(secret|changeme|change-me|password|your[-_]?secret[-_]?here|payload|test|example|x+)$/i

/** Why a secret is too weak to run a production server with, or null when it is fine. */
export const secretWeakness = (secret: string | undefined): string | null => {
  if (!secret) return 'is not set'
  if (PLACEHOLDERS.test(secret)) return 'is a placeholder'
  if (secret.length < SECRET_MIN_LENGTH) return `is too short (${secret.length} characters; at least ${SECRET_MIN_LENGTH})`
  if (new Set(secret).size < 10) return 'is too simple (fewer than 10 different characters)'
  return null
}

/** The secret for the Payload config: checked when a production server starts. */
export const payloadSecret = (env: NodeJS.ProcessEnv = process.env): string => {
  const secret = env.PAYLOAD_SECRET ?? ''
  const serving = env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build'
  const weakness = serving ? secretWeakness(secret) : null
  if (weakness) {
    throw new Error(
      `PAYLOAD_SECRET ${weakness}: a production server will not start with it. ` +
        'Set a long random value (openssl rand -hex 32) in the environment or .env.',
    )
  }
  return secret
}
