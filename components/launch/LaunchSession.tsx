'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { fetchJson, isSignedOut } from '@/lib/client/fetcher';
import { stackPagePath } from '@/lib/client/keys';
import { AppError } from '@/lib/errors';
import type { LaunchProposalView, LaunchTemplateView } from '@/lib/stacks/launch-view';
import { quickCreateLink, type QuickCreateParams } from '@/lib/template';
import { accountChecks, accountChoices } from './account-checks';
import { newAttemptId } from './attempt-id';
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
import { formErrorsFromServer, type ServerFormErrors } from './server-errors';
import { shownProblems, STACK_NAME_FIELD } from './shown-problems';
import { StepIndicator, type LaunchStep } from './StepIndicator';
import { RegionPicker } from './RegionPicker';
import type { UploadedTemplate } from './template-upload';
import { TemplateSourcePicker } from './TemplateSourcePicker';
import { useAccountNetwork } from './use-account-network';
import { useParameterLookups } from './use-parameter-lookups';

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
  const [server, setServer] = useState<ServerFormErrors | undefined>();
  const [askedCapabilities, setAskedCapabilities] = useState<readonly string[] | undefined>();
  const [step, setStep] = useState<LaunchStep>('parameters');
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [busy, setBusy] = useState<'review' | 'execute' | 'cancel' | undefined>();
  const [banner, setBanner] = useState<string | undefined>();

  const vpcParameter = model.parameters.find((parameter) => fieldKind(parameter) === 'vpc');
  const vpcId = vpcParameter === undefined ? '' : (form.values[vpcParameter.key] ?? '');
  const network = useAccountNetwork(region, vpcId);
  const lookups = useParameterLookups(region, model, form.values);
  const zoneIds = lookups.hostedZones?.map((zone) => zone.id);
  const choices = accountChoices(region, network.regionView, network.vpcView, zoneIds);
  const capabilities = askedCapabilities ?? uploaded?.capabilities ?? view.capabilities;
  const problems = checkLaunchForm(model, form, {
    checks: [...accountChecks(model, choices), lookups.ssmCheck],
    requiredCapabilities: capabilities,
    choices,
  });
  const shown = shownProblems(model, problems, touched, server, form.values);

  const touch = (key: string) => setTouched((previous) => new Set(previous).add(key));
  const forgetServerError = (key: string) =>
    setServer((previous) => {
      if (previous?.parameters[key] === undefined) return previous;
      const rest = Object.fromEntries(
        Object.entries(previous.parameters).filter(([field]) => field !== key),
      );
      return { ...previous, parameters: rest };
    });

  const setValue = (key: string, value: string) => {
    touch(key);
    forgetServerError(key);
    setForm((previous) => {
      const values = { ...previous.values, [key]: value };
      // Subnets and security groups belong to one VPC: a new VPC empties them.
      if (key === vpcParameter?.key && value !== previous.values[key]) {
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
    setServer(undefined);
    setAskedCapabilities(undefined);
    setBanner(undefined);
  };

  const changeRegion = (next: string) => {
    setRegion(next);
    setServer(undefined);
    setAskedCapabilities(undefined);
    setForm((previous) => {
      const values = { ...previous.values };
      for (const parameter of model.parameters) {
        if (isRegionBound(fieldKind(parameter))) values[parameter.key] = '';
      }
      return { ...previous, values };
    });
  };

  const review = async () => {
    const attemptId = newAttemptId();
    setBusy('review');
    setBanner(undefined);
    try {
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
    } catch (error) {
      refused(error);
    } finally {
      setBusy(undefined);
    }
  };

  const refused = (error: unknown) => {
    if (isSignedOut(error)) return;
    if (!(error instanceof AppError)) {
      setBanner('Something went wrong in the browser. Try again.');
      return;
    }
    const mapped = formErrorsFromServer(error);
    setServer(mapped);
    if (mapped.requiredCapabilities !== undefined) {
      setAskedCapabilities(mapped.requiredCapabilities);
      setForm((previous) => ({ ...previous, capabilitiesAcknowledged: false }));
    }
    setBanner(mapped.general ?? 'The server refused some values: see the fields marked below.');
  };

  const execute = async () => {
    if (proposal === undefined) return;
    setBusy('execute');
    setBanner(undefined);
    try {
      await executeLaunch(region, {
        stackName: proposal.view.stackName,
        attemptId: proposal.attemptId,
        changeSetArn: proposal.view.changeSet.arn,
        terminationProtection: form.terminationProtection,
        rollbackOnFailure: form.rollbackOnFailure,
      });
      setStep('launch');
    } catch (error) {
      if (!isSignedOut(error)) setBanner(messageOf(error));
    } finally {
      setBusy(undefined);
    }
  };

  const cancel = async () => {
    if (proposal === undefined) return;
    setBusy('cancel');
    setBanner(undefined);
    try {
      await cancelLaunch(region, {
        stackName: proposal.view.stackName,
        changeSetArn: proposal.view.changeSet.arn,
      });
      setProposal(undefined);
      setStep('parameters');
    } catch (error) {
      if (!isSignedOut(error)) setBanner(messageOf(error));
    } finally {
      setBusy(undefined);
    }
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
            pickers={{
              region,
              regionView: network.regionView,
              vpcView: network.vpcView,
              hasVpcPicker: vpcParameter !== undefined,
              vpcChosen: network.vpcChosen,
              loadError: network.loadError,
              lookups,
            }}
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

function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : 'Something went wrong in the browser.';
}
