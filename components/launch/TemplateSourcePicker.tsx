'use client';

import { useId, useState, type ChangeEvent } from 'react';
import type { UploadedTemplate } from './template-upload';
import { INPUT_CLASS, SECONDARY_BUTTON_CLASS } from './styles';

/**
 * Chooses the template the form is built from: the default one (`defaultLabel`: the bundled
 * template, or the stack's current one) or another, uploaded as a file or pasted, read in the
 * browser so the form is regenerated at once and what is wrong is said before anything is sent.
 * The server reads the same text again.
 */
export function TemplateSourcePicker({
  defaultLabel,
  chosen,
  onChoose,
}: {
  defaultLabel: string;
  chosen: UploadedTemplate | undefined;
  onChoose: (template: UploadedTemplate | undefined) => void;
}) {
  const id = useId();
  const [another, setAnother] = useState(chosen !== undefined);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const adopt = async (text: string, source: string) => {
    // The YAML reader loads only when someone brings a template, keeping it out of the page.
    const { readUploadedTemplate } = await import('./template-upload');
    const outcome = readUploadedTemplate(text, source);
    if (!outcome.ok) {
      setProblem(outcome.message);
      return;
    }
    setProblem(undefined);
    onChoose(outcome.template);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    try {
      await adopt(await file.text(), file.name);
    } catch {
      setProblem(`${file.name} could not be read by the browser.`);
    }
  };

  const chooseDefault = () => {
    setAnother(false);
    setProblem(undefined);
    onChoose(undefined);
  };

  return (
    <fieldset className="space-y-3" data-testid="template-source">
      <legend className="text-sm font-medium text-slate-800">Template</legend>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="radio" name={`${id}-source`} checked={!another} onChange={chooseDefault} />
        {defaultLabel}
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="radio"
          name={`${id}-source`}
          checked={another}
          onChange={() => setAnother(true)}
          data-testid="use-another-template"
        />
        Use another template
      </label>

      {another ? (
        <div className="space-y-3 border-l-2 border-slate-200 pl-4">
          <div>
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
              Template file (YAML or JSON, at most 51,200 bytes)
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".yaml,.yml,.json,.template,.txt,application/json,text/yaml,text/plain"
              className="mt-1 block text-sm"
              onChange={(event) => void upload(event)}
              data-testid="template-file"
            />
          </div>
          <div>
            <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
              Or paste the template
            </label>
            <textarea
              id={`${id}-text`}
              rows={8}
              spellCheck={false}
              className={`${INPUT_CLASS} font-mono text-xs`}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              data-testid="template-text"
            />
            <button
              type="button"
              className={`${SECONDARY_BUTTON_CLASS} mt-2`}
              onClick={() => void adopt(pasted, 'pasted text')}
              data-testid="use-pasted-template"
            >
              Use the pasted template
            </button>
          </div>
          {problem === undefined ? null : (
            <p role="alert" className="text-sm text-red-700" data-testid="template-problem">
              {problem}
            </p>
          )}
          {chosen === undefined ? null : (
            <p className="text-sm text-slate-700" data-testid="template-in-use">
              Using {chosen.source}: {chosen.model.parameters.length} parameters.
            </p>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
