import { splitList } from '@/lib/template/value-rules';
import { withCurrentValues, type PickerOption } from './option-lists';
import { INPUT_CLASS } from './styles';

/** The attributes every field input carries for its label, hint and error. */
export interface InputWiring {
  readonly id: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly onBlur: () => void;
}

/**
 * A select fed by the account: single (a placeholder until something is chosen) or multiple
 * (the value is the chosen ids comma-joined, as CloudFormation takes a list). While the list
 * loads, or when there is nothing to choose, `emptyText` says why.
 */
export function AccountPicker({
  wiring,
  value,
  options,
  multiple,
  placeholder,
  emptyText,
  onChange,
}: {
  wiring: InputWiring;
  value: string;
  options: readonly PickerOption[];
  multiple: boolean;
  placeholder: string;
  emptyText: string | undefined;
  onChange: (value: string) => void;
}) {
  const shown = withCurrentValues(options, value);
  const disabled = shown.length === 0;
  const common = {
    id: wiring.id,
    'aria-describedby': wiring.describedBy,
    'aria-invalid': wiring.invalid,
    onBlur: wiring.onBlur,
    disabled,
    className: INPUT_CLASS,
  };

  if (multiple) {
    const chosen = splitList(value);
    return (
      <>
        <select
          {...common}
          multiple
          size={Math.min(Math.max(shown.length, 2), 8)}
          value={chosen}
          onChange={(event) =>
            onChange(Array.from(event.target.selectedOptions, (option) => option.value).join(','))
          }
        >
          {shown.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">
          {disabled
            ? emptyText
            : `${chosen.length} chosen. Hold Ctrl (⌘ on a Mac) or Shift to choose several.`}
        </p>
      </>
    );
  }

  return (
    <>
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{disabled ? (emptyText ?? placeholder) : placeholder}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {disabled && emptyText !== undefined ? (
        <p className="mt-1 text-xs text-slate-500">{emptyText}</p>
      ) : null}
    </>
  );
}
