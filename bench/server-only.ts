import { register } from 'node:module';

/**
 * The dashboard's lib modules import `server-only`, which throws unless bundled for React
 * server components (Next resolves it with the `react-server` condition). The benchmarks run
 * those modules in plain Node, so this hook resolves the marker to an empty module, as the
 * test setup does with a mock.
 */
const HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(specifier, context);
}`;

export function allowServerOnlyModules(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
