/** Class lists shared by the wizard's inputs and buttons, so every field looks the same. */
export const INPUT_CLASS =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 ' +
  'shadow-sm focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 focus:outline-none ' +
  'aria-invalid:border-red-600 disabled:bg-slate-100 disabled:text-slate-500';

export const PRIMARY_BUTTON_CLASS =
  'rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600';

export const SECONDARY_BUTTON_CLASS =
  'rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 ' +
  'shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:text-slate-400';

export const LINK_CLASS = 'text-sky-800 underline underline-offset-2 hover:text-sky-950';
