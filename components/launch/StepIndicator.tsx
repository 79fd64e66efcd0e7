/** The wizard's three steps, in order. */
export type LaunchStep = 'parameters' | 'review' | 'launch';

const STEPS: readonly { step: LaunchStep; label: string }[] = [
  { step: 'parameters', label: 'Parameters and options' },
  { step: 'review', label: 'Review change set' },
  { step: 'launch', label: 'Launch' },
];

/** Where the person is in the wizard; the current step is announced as such. */
export function StepIndicator({ current }: { current: LaunchStep }) {
  const currentIndex = STEPS.findIndex(({ step }) => step === current);
  return (
    <nav aria-label="Launch steps" data-testid="launch-steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {STEPS.map(({ step, label }, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li
              key={step}
              aria-current={state === 'current' ? 'step' : undefined}
              data-step={step}
              data-state={state}
              className={`flex items-center gap-2 rounded-full px-3 py-1 ring-1 ring-inset ${
                state === 'current'
                  ? 'bg-sky-700 text-white ring-sky-700'
                  : state === 'done'
                    ? 'bg-emerald-50 text-emerald-900 ring-emerald-600/30'
                    : 'bg-white text-slate-600 ring-slate-300'
              }`}
            >
              <span className="font-semibold tabular-nums">{index + 1}</span>
              {label}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
