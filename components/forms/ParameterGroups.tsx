import {
  ParameterField,
  type FieldNotice,
  type PickerSource,
} from '@/components/launch/ParameterField';
import type { ParameterDefinition, ParameterModel } from '@/lib/template';
import { Panel } from '../ui/Panel';

/**
 * The template's parameters as fields, one panel per parameter group in the template's order.
 * `noticeFor` and `placeholderFor` let the update form mark new and unchanged NoEcho fields.
 */
export function ParameterGroups({
  model,
  values,
  errors,
  pickers,
  noticeFor,
  placeholderFor,
  onValue,
  onTouch,
}: {
  model: ParameterModel;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  pickers: PickerSource;
  noticeFor?: (parameter: ParameterDefinition) => FieldNotice | undefined;
  placeholderFor?: (parameter: ParameterDefinition) => string | undefined;
  onValue: (key: string, value: string) => void;
  onTouch: (key: string) => void;
}) {
  return model.groups.map((group) => (
    <Panel key={group.label} title={group.label}>
      <div className="grid gap-4 md:grid-cols-2">
        {group.parameters.map((parameter) => (
          <ParameterField
            key={parameter.key}
            parameter={parameter}
            value={values[parameter.key] ?? ''}
            error={errors[parameter.key]}
            pickers={pickers}
            notice={noticeFor?.(parameter)}
            placeholder={placeholderFor?.(parameter)}
            onChange={(value) => onValue(parameter.key, value)}
            onBlur={() => onTouch(parameter.key)}
          />
        ))}
      </div>
    </Panel>
  ));
}
