'use client';

import { useState } from 'react';
import { useRequestFeedback } from '@/components/forms/use-request-feedback';
import type { UploadedTemplate } from '@/components/launch/template-upload';
import { TemplateSourcePicker } from '@/components/launch/TemplateSourcePicker';
import { useParameterPickers } from '@/components/launch/use-parameter-pickers';
import { newAttemptId } from '@/lib/client/attempt-id';
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
  const feedback = useRequestFeedback<'review' | 'execute'>(() =>
    setForm((previous) => ({ ...previous, capabilitiesAcknowledged: false })),
  );
  const { banner, setBanner, busy } = feedback;
  const [step, setStep] = useState<Step>('parameters');
  const [proposal, setProposal] = useState<Proposal | undefined>();

  const model = uploaded?.model ?? deployed.model;
  const change = templateChange(deployed.model, model);
  const capabilities =
    feedback.askedCapabilities ??
    (uploaded === undefined ? deployed.capabilities : uploaded.capabilities);

  const { pickers, lookups, checks } = useParameterPickers(region, model, form.values);
  const problems = checkUpdateForm(model, form, deployed, { checks, capabilities });
  const shown = shownUpdateProblems(model, problems, form, feedback.server);

  const chooseTemplate = (next: UploadedTemplate | undefined) => {
    setUploaded(next);
    setForm((previous) => formForTemplate(previous, deployed, next?.model ?? deployed.model));
    feedback.forgetServer();
    setBanner(undefined);
  };

  const review = () => {
    const attemptId = newAttemptId();
    return feedback.run(
      'review',
      async () => {
        const body = updateRequestBody(model, form, {
          attemptId,
          templateBody: uploaded?.body,
          capabilities,
        });
        const outcome = await proposeStackUpdate(stackName, region, body);
        setProposal({ attemptId, outcome });
        feedback.setServer(undefined);
        setStep('review');
      },
      feedback.refused,
    );
  };

  const execute = () => {
    if (proposal?.outcome.kind !== 'change-set') return;
    const changeSetArn = proposal.outcome.changeSet.arn;
    return feedback.run('execute', async () => {
      await executeStackUpdate(stackName, region, { attemptId: proposal.attemptId, changeSetArn });
      setStep('events');
    });
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
        pickers={pickers}
        added={new Set(change.added.map((parameter) => parameter.key))}
        dropped={change.dropped}
        capabilities={capabilities}
        capabilitiesReason={uploaded === undefined ? deployed.capabilitiesReason : undefined}
        banner={banner}
        reviewing={busy === 'review'}
        onValue={(key, value) => {
          feedback.forgetParameter(key);
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
