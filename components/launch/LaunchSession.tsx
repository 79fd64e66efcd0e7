'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { useRequestFeedback } from '@/components/forms/use-request-feedback';
import { newAttemptId } from '@/lib/client/attempt-id';
import { fetchJson } from '@/lib/client/fetcher';
import { stackPagePath } from '@/lib/client/keys';
import { useEnvironment } from '@/lib/client/swr';
import type { AppError } from '@/lib/errors';
import type { LaunchProposalView, LaunchTemplateView } from '@/lib/stacks/launch-view';
import { quickCreateLink, type QuickCreateParams } from '@/lib/template/quick-create';
import { dependsOnVpc, fieldKind, isRegionBound } from './field-kind';
import {
  checkLaunchForm,
  formForTemplate,
  initialLaunchForm,
  parameterValues,
  tagsToSend,
  type LaunchForm,
} from './launch-form';
import { cancelLaunch, executeLaunch, launchTemplateKey, proposeLaunch } from './launch-requests';
import { LaunchProgressStep } from './LaunchProgressStep';
import { ParametersStep } from './ParametersStep';
import { ReviewStep } from './ReviewStep';
import { shownProblems, STACK_NAME_FIELD } from './shown-problems';
import { StepIndicator, type LaunchStep } from './StepIndicator';
import { RegionPicker } from './RegionPicker';
import type { UploadedTemplate } from './template-upload';
import { TemplateSourcePicker } from './TemplateSourcePicker';
import { useParameterPickers } from './use-parameter-pickers';

interface Proposal {
  readonly attemptId: string;
  readonly view: LaunchProposalView;
  /** Undefined for another template: a quick-create link always opens the bundled one. */
  readonly link: string | undefined;
}

/**
 * The wizard once the template's model is known: holds the form, the review and the launch,
 * and moves between them. Every request goes through `launch-requests`; every rule about
 * values through `launch-form` (the one validator), so this component only wires.
 */
export function LaunchSession({
  initialView,
  regions,
  initialRegion,
  prefill,
}: {
  initialView: LaunchTemplateView;
  regions: readonly string[];
  initialRegion: string;
  prefill: QuickCreateParams;
}) {
  const [region, setRegion] = useState(initialRegion);
  const { data } = useSWR<LaunchTemplateView, AppError>(launchTemplateKey(region), fetchJson, {
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
  const view = data ?? initialView;
  const [uploaded, setUploaded] = useState<UploadedTemplate | undefined>();
  const model = uploaded?.model ?? view.model;
  const description = uploaded === undefined ? view.description : uploaded.description;

  const [form, setForm] = useState<LaunchForm>(() => initialLaunchForm(model, prefill));
  const [touched, setTouched] = useState<ReadonlySet<string>>(
    () =>
      new Set([
        ...Object.keys(prefill.values),
        ...(prefill.stackName === undefined ? [] : [STACK_NAME_FIELD]),
      ]),
  );
  const feedback = useRequestFeedback<'review' | 'execute' | 'cancel'>(() =>
    setForm((previous) => ({ ...previous, capabilitiesAcknowledged: false })),
  );
  const { server, setServer, banner, setBanner, busy } = feedback;
  const [step, setStep] = useState<LaunchStep>('parameters');
  const [proposal, setProposal] = useState<Proposal | undefined>();

  const { vpcKey, pickers, choices, checks } = useParameterPickers(region, model, form.values);
  const capabilities = feedback.askedCapabilities ?? uploaded?.capabilities ?? view.capabilities;
  const stackNamePrefix = useEnvironment().data?.stackNamePrefix;
  const problems = checkLaunchForm(model, form, {
    checks,
    requiredCapabilities: capabilities,
    choices,
    stackNamePrefix,
  });
  const shown = shownProblems(model, problems, touched, server, form.values);

  const touch = (key: string) => setTouched((previous) => new Set(previous).add(key));
  const setValue = (key: string, value: string) => {
    touch(key);
    feedback.forgetParameter(key);
    setForm((previous) => {
      const values = { ...previous.values, [key]: value };
      // Subnets and security groups belong to one VPC: a new VPC empties them.
      if (key === vpcKey && value !== previous.values[key]) {
        for (const parameter of model.parameters) {
          if (dependsOnVpc(fieldKind(parameter))) values[parameter.key] = '';
        }
      }
      return { ...previous, values };
    });
  };

  const setOptions = (change: Partial<LaunchForm>) => {
    if (change.stackName !== undefined) {
      touch(STACK_NAME_FIELD);
      setServer((previous) => previous && { ...previous, stackName: undefined });
    }
    if (change.tags !== undefined) setServer((previous) => previous && { ...previous, tags: {} });
    setForm((previous) => ({ ...previous, ...change }));
  };

  // Another template regenerates the form; what was typed for keys it shares is kept.
  const chooseTemplate = (next: UploadedTemplate | undefined) => {
    const nextModel = next?.model ?? view.model;
    const keys = new Set(nextModel.parameters.map((parameter) => parameter.key));
    setUploaded(next);
    setForm((previous) => formForTemplate(previous, nextModel, touched));
    setTouched(
      (previous) =>
        new Set([...previous].filter((key) => keys.has(key) || key === STACK_NAME_FIELD)),
    );
    feedback.forgetServer();
    setBanner(undefined);
  };

  const changeRegion = (next: string) => {
    setRegion(next);
    feedback.forgetServer();
    setForm((previous) => {
      const values = { ...previous.values };
      for (const parameter of model.parameters) {
        if (isRegionBound(fieldKind(parameter))) values[parameter.key] = '';
      }
      return { ...previous, values };
    });
  };

  const review = () => {
    const attemptId = newAttemptId();
    return feedback.run(
      'review',
      async () => {
        const proposed = await proposeLaunch(region, {
          stackName: form.stackName,
          attemptId,
          values: parameterValues(model, form.values),
          templateBody: uploaded?.body,
          tags: tagsToSend(form.tags),
          capabilities,
          terminationProtection: form.terminationProtection,
          rollbackOnFailure: form.rollbackOnFailure,
        });
        const base = `${window.location.origin}/launch?region=${encodeURIComponent(region)}`;
        setProposal({
          attemptId,
          view: proposed,
          link:
            uploaded === undefined
              ? quickCreateLink(base, form.stackName, form.values, model)
              : undefined,
        });
        setServer(undefined);
        setStep('review');
      },
      feedback.refused,
    );
  };

  const execute = () => {
    if (proposal === undefined) return;
    return feedback.run('execute', async () => {
      await executeLaunch(region, {
        stackName: proposal.view.stackName,
        attemptId: proposal.attemptId,
        changeSetArn: proposal.view.changeSet.arn,
        terminationProtection: form.terminationProtection,
        rollbackOnFailure: form.rollbackOnFailure,
      });
      setStep('launch');
    });
  };

  const cancel = () => {
    if (proposal === undefined) return;
    return feedback.run('cancel', async () => {
      await cancelLaunch(region, {
        stackName: proposal.view.stackName,
        changeSetArn: proposal.view.changeSet.arn,
      });
      setProposal(undefined);
      setStep('parameters');
    });
  };

  return (
    <div className="space-y-6">
      <StepIndicator current={step} />

      {step === 'parameters' ? (
        <>
          <RegionPicker regions={regions} region={region} onChange={changeRegion} />
          <TemplateSourcePicker
            defaultLabel="The bundled Jenkins template"
            chosen={uploaded}
            onChoose={chooseTemplate}
          />
          {description === undefined ? null : (
            <p className="text-sm text-slate-600">{description}</p>
          )}
          <ParametersStep
            model={model}
            form={form}
            problems={shown}
            pickers={pickers}
            capabilities={capabilities}
            capabilitiesReason={uploaded === undefined ? view.capabilitiesReason : undefined}
            ignoredQuickCreate={prefill.ignored}
            banner={banner}
            existingStackPath={
              server?.stackExists === true ? stackPagePath(form.stackName, region) : undefined
            }
            reviewing={busy === 'review'}
            onValue={setValue}
            onTouch={touch}
            onOptions={setOptions}
            onReview={() => void review()}
          />
        </>
      ) : null}

      {step === 'review' && proposal !== undefined ? (
        <ReviewStep
          proposal={proposal.view}
          quickCreateLink={proposal.link}
          busy={busy === 'execute' || busy === 'cancel' ? busy : undefined}
          error={banner}
          onExecute={() => void execute()}
          onCancel={() => void cancel()}
        />
      ) : null}

      {step === 'launch' && proposal !== undefined ? (
        <LaunchProgressStep
          stackName={proposal.view.stackName}
          region={proposal.view.region}
          changeSet={proposal.view.changeSet}
        />
      ) : null}
    </div>
  );
}
