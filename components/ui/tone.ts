/** The few colours the console speaks in: each means one thing everywhere. */
export type Tone = 'good' | 'moving' | 'warn' | 'bad' | 'neutral';

/** Pill classes (background, text, ring) for a tone. */
export const PILL_CLASSES: Record<Tone, string> = {
  good: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  moving: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  warn: 'bg-amber-50 text-amber-900 ring-amber-600/40',
  bad: 'bg-red-50 text-red-800 ring-red-600/30',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};

/** Banner classes (border, background, text) for a tone. */
export const BANNER_CLASSES: Record<Tone, string> = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  moving: 'border-sky-300 bg-sky-50 text-sky-950',
  warn: 'border-amber-300 bg-amber-50 text-amber-950',
  bad: 'border-red-300 bg-red-50 text-red-950',
  neutral: 'border-slate-300 bg-slate-50 text-slate-900',
};
