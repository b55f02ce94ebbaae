// The Node flag every TypeScript script runs with (scripts/run.mjs, scripts/generate.ts).
//
// Lexical's packages (under @payloadcms/richtext-lexical, which the Payload config loads) resolve
// for Node to small wrappers that pick their development or production build with a top-level
// `await import()`. Node 20 loses track of those awaits now and then while it loads the config's
// module graph: the process then exits with code 13 (unsettled top-level await) having run
// nothing, in about one start in three, tsx or not (`node -e "await import('@lexical/html')"`
// alone does it). Naming the build as an export condition resolves each package straight to it,
// with no wrapper and no top-level await: the same build the wrapper would have picked.
export const buildCondition = () => `--conditions=${process.env.NODE_ENV === 'production' ? 'production' : 'development'}`
