import { parseArgs, type ParseArgsConfig } from 'node:util'

/**
 * The command's arguments, read strictly (an unknown option, or one without its value, is no
 * guess), or, when they cannot be read, the reason and the usage on standard error and exit code 2
 * before anything loads.
 */
export const argumentsOrExit = <T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> => {
  try {
    // `parseArgs` reads the command's own arguments, strictly, unless told otherwise.
    return parseArgs(config)
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}
