'use client';

import { useState } from 'react';
import { accountChecks, accountChoices } from '@/components/launch/account-checks';
import { newAttemptId } from '@/components/launch/attempt-id';
import { fieldKind } from '@/components/launch/field-kind';
import { formErrorsFromServer, type ServerFormErrors } from '@/components/launch/server-errors';
import type { UploadedTemplate } from '@/components/launch/template-upload';
import { TemplateSourcePicker } from '@/components/launch/TemplateSourcePicker';
import { useAccountNetwork } from '@/components/launch/use-account-network';
import { useParameterLookups } from '@/components/launch/use-parameter-lookups';
import { isSignedOut } from '@/lib/client/fetcher';
import { AppError } from '@/lib/errors';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import { shownUpdateProblems } from './shown-update-problems';
import {
  checkUpdateForm,
  formForTemplate,
  initialUpdateForm,
  keepUnchanged,
  templateChange,
  typeValue,
  updateRequestBody,
  type UpdateForm,
} from './update-form';
import {
  abandonStackUpdate,
  executeStackUpdate,
  proposeStackUpdate,
  type StackTemplateView,
  type UpdateProposalOutcome,
} from './update-requests';
import { reresolvedSsmParameters } from './update-review';
import { UpdateEvents } from './UpdateEvents';
import { UpdateParametersStep } from './UpdateParametersStep';
import { UpdateReview } from './UpdateReview';

type Step = 'parameters' | 'review' | 'events';

interface Proposal {
  readonly attemptId: string;
  readonly outcome: UpdateProposalOutcome;
}

/**
 * The update of one stack once its deployed template is known: the form (current or new
 * template), the change set review, and the live events after execution. Every rule about
 * values lives in `update-form`; this component only wires state and requests.
 */
export function UpdateSession({ deployed }: { deployed: StackTemplateView }) {
  const { stackName, region } = deployed;
  const [uploaded, setUploaded] = useState<UploadedTemplate | undefined>();
  const [form, setForm] = useState<UpdateForm>(() => initialUpdateForm(deployed));
  const [server, setServer] = useState<ServerFormErrors | undefined>();
  const [askedCapabilities, setAskedCapabilities] = useState<readonly string[] | undefined>();
  const [step, setStep] = useState<Step>('parameters');
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [busy, setBusy] = useState<'review' | 'execute' | undefined>();
  const [banner, setBanner] = useState<string | undefined>();

  const model = uploaded?.model ?? deployed.model;
  const change = templateChange(deployed.model, model);
  const capabilities =
    askedCapabilities ?? (uploaded === undefined ? deployed.capabilities : uploaded.capabilities);

  const vpcKey = model.parameters.find((parameter) => fieldKind(parameter) === 'vpc')?.key;
  const network = useAccountNetwork(
    region,
    vpcKey === undefined ? '' : (form.values[vpcKey] ?? ''),
  );
  const lookups = useParameterLookups(region, model, form.values);
  const zoneIds = lookups.hostedZones?.map((zone) => zone.id);
  const choices = accountChoices(region, network.regionView, network.vpcView, zoneIds);
  const problems = checkUpdateForm(model, form, deployed, {
    checks: [...accountChecks(model, choices), lookups.ssmCheck],
    capabilities,
  });
  const shown = shownUpdateProblems(model, problems, form, server);

  const forgetServerError = (key: string) =>
    setServer((previous) => {
      if (previous?.parameters[key] === undefined) return previous;
      const parameters = { ...previous.parameters };
      delete parameters[key];
      return { ...previous, parameters };
    });

  const chooseTemplate = (next: UploadedTemplate | undefined) => {
    setUploaded(next);
    setForm((previous) => formForTemplate(previous, deployed, next?.model ?? deployed.model));
    setServer(undefined);
    setAskedCapabilities(undefined);
    setBanner(undefined);
  };

  const review = async () => {
    const attemptId = newAttemptId();
    setBusy('review');
    setBanner(undefined);
    try {
      const body = updateRequestBody(model, form, {
        attemptId,
        templateBody: uploaded?.body,
        capabilities,
      });
      const outcome = await proposeStackUpdate(stackName, region, body);
      setProposal({ attemptId, outcome });
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
    if (proposal?.outcome.kind !== 'change-set') return;
    setBusy('execute');
    setBanner(undefined);
    try {
      await executeStackUpdate(stackName, region, {
        attemptId: proposal.attemptId,
        changeSetArn: proposal.outcome.changeSet.arn,
      });
      setStep('events');
    } catch (error) {
      if (isSignedOut(error)) return;
      setBanner(error instanceof AppError ? error.message : 'Something went wrong in the browser.');
    } finally {
      setBusy(undefined);
    }
  };

  const back = () => {
    // An abandoned change set is deleted, so reviews do not pile up on the stack (C16).
    if (proposal?.outcome.kind === 'change-set') {
      void abandonStackUpdate(stackName, region, proposal.outcome.changeSet.arn).catch(
        () => undefined,
      );
    }
    setStep('parameters');
    setBanner(undefined);
  };

  if (step === 'events' && proposal !== undefined) {
    return <UpdateEvents stackName={stackName} region={region} attemptId={proposal.attemptId} />;
  }

  if (step === 'review' && proposal !== undefined) {
    if (proposal.outcome.kind === 'nothing-to-change') {
      return (
        <div className="space-y-4">
          <Banner tone="neutral" testId="update-nothing-to-change">
            Nothing to change: {proposal.outcome.message}
          </Banner>
          <button type="button" className="text-sm underline" onClick={back}>
            Back to the form
          </button>
        </div>
      );
    }
    return (
      <UpdateReview
        changeSet={proposal.outcome.changeSet}
        safety={proposal.outcome.safety}
        ssmParameters={reresolvedSsmParameters(model)}
        ssm={lookups.ssm}
        busy={busy === 'execute'}
        error={banner}
        onExecute={() => void execute()}
        onBack={back}
      />
    );
  }

  return (
    <div className="space-y-4">
      <Panel title="Template">
        <TemplateSourcePicker
          defaultLabel="The stack's current template"
          chosen={uploaded}
          onChoose={chooseTemplate}
        />
      </Panel>
      <UpdateParametersStep
        model={model}
        form={form}
        problems={shown}
        pickers={{
          region,
          regionView: network.regionView,
          vpcView: network.vpcView,
          hasVpcPicker: vpcKey !== undefined,
          vpcChosen: network.vpcChosen,
          loadError: network.loadError,
          lookups,
        }}
        added={new Set(change.added.map((parameter) => parameter.key))}
        dropped={change.dropped}
        capabilities={capabilities}
        capabilitiesReason={uploaded === undefined ? deployed.capabilitiesReason : undefined}
        banner={banner}
        reviewing={busy === 'review'}
        onValue={(key, value) => {
          forgetServerError(key);
          setForm((previous) => typeValue(previous, key, value));
        }}
        onKeepUnchanged={(key) => setForm((previous) => keepUnchanged(previous, key))}
        onAcknowledge={(acknowledged) =>
          setForm((previous) => ({ ...previous, capabilitiesAcknowledged: acknowledged }))
        }
        onReview={() => void review()}
      />
    </div>
  );
}
