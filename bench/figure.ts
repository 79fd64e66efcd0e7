/** A target a figure is held to: at most (or at least) a value, in the figure's unit. */
export interface Target {
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** One measured figure, printed with its target and written to BENCHMARKS.md. */
export interface Figure {
  /** The benchmark it belongs to, e.g. "AWS calls per snapshot". */
  readonly group: string;
  /** What was measured, e.g. "M = 1,000 agents". */
  readonly name: string;
  readonly value: number;
  /** "×", "ms", "kB", "calls", "s simulated". */
  readonly unit: string;
  /** Absent for figures recorded without a target (time to agents online). */
  readonly target?: Target;
  /** How the figure came about: the raw counts, the bound, what the extra calls were. */
  readonly detail?: string;
}

export type Verdict = 'PASS' | 'MISS' | '—';

export function verdictOf(figure: Figure): Verdict {
  const { target } = figure;
  if (target === undefined) return '—';
  if (!Number.isFinite(figure.value)) return 'MISS';
  if (target.atMost !== undefined && figure.value > target.atMost) return 'MISS';
  if (target.atLeast !== undefined && figure.value < target.atLeast) return 'MISS';
  return 'PASS';
}

function number(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === '×' ? 2 : Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** "1.00 ×", "312 ms". */
export function formatValue(value: number, unit: string): string {
  return `${number(value, unit)} ${unit}`;
}

/** "≤ 1.20 ×", or "—" when the figure has no target. */
export function formatTarget(figure: Figure): string {
  const { target } = figure;
  if (target === undefined) return '—';
  if (target.atMost !== undefined) return `≤ ${formatValue(target.atMost, figure.unit)}`;
  if (target.atLeast !== undefined) return `≥ ${formatValue(target.atLeast, figure.unit)}`;
  return '—';
}

/** Thousands with a comma, for counts in names ("5,000"). */
export function count(value: number): string {
  return value.toLocaleString('en-GB');
}
