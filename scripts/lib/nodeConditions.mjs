// The Node flag every TypeScript script runs with (scripts/run.mjs, scripts/generate.ts).
//
// Lexical's packages (under @payloadcms/richtext-lexical, which the Payload config loads) resolve
// for Node to small wrappers that pick their development or production build with a top-level
// `await import()`. Node 20 loses track of those awaits now and then while it loads the config's
// module graph: the process then exits with code 13 (unsettled top-level await) having run
// nothing, in one start in three to one in two, tsx or not (`node -e "await import('@lexical/html')"`
// alone does it). Naming the build as an export condition resolves each package straight to it,
// with no wrapper and no top-level await: the same build the wrapper would have picked.
//
// The condition applies to every package that has one: micromark, devlop and react-error-boundary
// resolve to their development builds too (with NODE_ENV=production, to their production builds).
// The tests have always run so: vitest starts its workers with --conditions development, which is
// why they never stalled. `npm run payload` (Payload's own CLI) goes through scripts/run.mjs too;
// `npx payload` and a `node` started by hand do not (NODE_OPTIONS=--conditions=development would
// cover them).
export const buildCondition = (env = process.env) => `--conditions=${env.NODE_ENV === 'production' ? 'production' : 'development'}`
