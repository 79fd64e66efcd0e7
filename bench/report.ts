import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTarget, formatValue, verdictOf, type Figure } from './figure';
import type { Machine } from './machine';

const FILE = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function figureTable(figures: readonly Figure[]): string[] {
  const lines: string[] = [];
  let group = '';
  for (const figure of figures) {
    if (figure.group !== group) {
      group = figure.group;
      lines.push('', `### ${group}`, '', '| Measured | Value | Target | Result | How |');
      lines.push('| --- | ---: | --- | --- | --- |');
    }
    lines.push(
      `| ${cell(figure.name)} | ${formatValue(figure.value, figure.unit)} | ${cell(
        formatTarget(figure),
      )} | ${verdictOf(figure)} | ${cell(figure.detail ?? '')} |`,
    );
  }
  return lines;
}

/**
 * Rewrites BENCHMARKS.md with the latest figures, the machine they came from, the date, and
 * how to reproduce them. The text around the figures lives here, so the file is never edited
 * by hand and never drifts from what the command measures.
 */
export async function writeBenchmarksFile(run: {
  figures: readonly Figure[];
  machine: Machine;
  quick: boolean;
  failures: readonly string[];
}): Promise<string> {
  const { machine } = run;
  const misses = run.figures.filter((figure) => verdictOf(figure) === 'MISS');
  const lines = [
    '# Benchmarks',
    '',
    'Figures, not impressions: how many AWS calls the dashboard makes, how fast it answers, and',
    'how the production build behaves in a browser. Written by `npm run bench -- --write`; do not',
    'edit by hand.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${run.quick ? ' (`--quick` run)' : ''}`,
    `- Machine: ${machine.cpuModel}, ${machine.cpus} cores (\`nproc\`), ${machine.memoryGiB} GiB memory, ${machine.platform}`,
    `- Node ${machine.node}`,
    `- Result: ${run.figures.length} figures, ${misses.length} missed their target` +
      (run.failures.length > 0 ? `, ${run.failures.length} benchmarks failed to run` : ''),
    ...figureTable(run.figures),
    ...(run.failures.length > 0
      ? [
          '',
          '### Benchmarks that failed to run',
          '',
          ...run.failures.map((failure) => `- ${failure}`),
        ]
      : []),
    '',
    ...(await import('./method')).METHOD,
  ];
  // Formatted as the repository's formatter would, so `prettier --check` stays clean.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(FILE)) ?? {};
  await writeFile(
    FILE,
    await prettier.format(`${lines.join('\n')}\n`, { ...options, filepath: FILE }),
  );
  return FILE;
}
