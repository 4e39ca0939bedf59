/**
 * What a reader that went away means: by default (`heap tour | head`) the command ends quietly, as a shell pipeline
 * expects; `heap run` replaces the stdout handler so that the simulated program sees the broken pipe.
 */
export const brokenPipe = { stdout: (): void => process.exit(0) }
