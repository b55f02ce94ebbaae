/**
 * `npm run build`: the production build, made only when the sources changed since the last one
 * (the same check `npm start` and the browser tests make, so a build is never made twice).
 */
import { buildIfStale } from './lib/build'

buildIfStale()
