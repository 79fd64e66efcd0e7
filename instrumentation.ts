/**
 * Next.js calls `register` once when a server starts, before it answers any request. The
 * dashboard uses it to validate every setting up front: a wrong value stops the server with
 * a message naming the variable, instead of failing the first request that happens to read it.
 */
export async function register(): Promise<void> {
  // The edge runtime has no settings to check; the build's prerender workers run without the
  // run-time environment (an image is built once and configured where it runs).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;

  const { settingsProblems } = await import('./instrumentation-node');
  const problems = await settingsProblems();
  if (problems.length === 0) return;

  // Plain lines for a person reading a terminal or `docker logs`, then the structured ones
  // (the logger itself cannot start when LOG_LEVEL is the wrong setting).
  process.stderr.write(`${problems.join('\n')}\nThe dashboard did not start.\n`);
  try {
    const { log } = await import('./lib/log');
    for (const problem of problems) log.fatal(problem);
    log.flush();
  } catch {
    // The plain lines above already say what is wrong.
  }
  process.exit(1);
}
