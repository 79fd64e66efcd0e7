'use client';

import type { ControllerView, JenkinsView } from '@/lib/status/types';
import { DataTable } from '../table/DataTable';
import { Banner } from '../ui/Banner';
import { Panel, SubSection } from '../ui/Panel';
import { Stat } from '../ui/Stat';
import { DEPLOYMENT_COLUMNS, TARGET_COLUMNS, TASK_COLUMNS } from './controller-columns';
import { HealthCheckSummary, JenkinsSummary } from './JenkinsSummary';

/**
 * The Jenkins controller as ECS and the load balancer see it: desired, running and pending
 * tasks, each deployment's rollout, each task (stopped ones with their reason), each target
 * with its health reason, the health check itself, and whether Jenkins answers.
 */
export function ControllerPanel({
  controller,
  jenkins,
}: {
  controller: ControllerView | undefined;
  jenkins: JenkinsView | undefined;
}) {
  if (controller === undefined) {
    return (
      <Panel title="Controller" testId="controller">
        <p className="text-sm text-slate-500">
          The stack has no controller service yet: its outputs do not name one (it may still be
          creating).
        </p>
        <JenkinsSummary jenkins={jenkins} />
      </Panel>
    );
  }

  return (
    <Panel
      title="Controller"
      testId="controller"
      actions={
        <span className="font-mono text-xs text-slate-500">
          {controller.clusterName} / {controller.serviceName} · {controller.serviceStatus}
        </span>
      }
    >
      <div className="flex flex-wrap items-start gap-x-10 gap-y-4">
        <dl className="flex gap-8">
          <Stat label="Desired" value={controller.desired} testId="controller-desired" />
          <Stat label="Running" value={controller.running} testId="controller-running" />
          <Stat label="Pending" value={controller.pending} testId="controller-pending" />
        </dl>
        <JenkinsSummary jenkins={jenkins} />
        <HealthCheckSummary check={controller.healthCheck} />
      </div>

      {controller.taskDefinitionMismatch ? (
        <div className="mt-3">
          <Banner tone="warn" testId="task-definition-mismatch">
            The service runs a different task definition than the stack declares: a deployment
            outside CloudFormation, or one the stack has not rolled out.
          </Banner>
        </div>
      ) : null}

      <SubSection title="Deployments">
        <DataTable
          columns={DEPLOYMENT_COLUMNS}
          rows={controller.deployments}
          rowKey={(row) => row.id}
          label="Controller deployments"
          testId="deployments"
          emptyText="No deployments."
          minWidth="52rem"
        />
      </SubSection>
      <SubSection title="Tasks">
        <DataTable
          columns={TASK_COLUMNS}
          rows={controller.tasks}
          rowKey={(row) => row.id}
          label="Controller tasks"
          testId="tasks"
          emptyText="No tasks: the service has none running and none stopped recently."
          initialSorting={[{ id: 'startedAt', desc: true }]}
          minWidth="60rem"
        />
      </SubSection>
      <SubSection title="Load balancer targets">
        <DataTable
          columns={TARGET_COLUMNS}
          rows={controller.targets}
          rowKey={(row) => `${row.id}:${row.port ?? ''}`}
          label="Load balancer targets"
          testId="targets"
          emptyText="No targets registered in the target group."
          minWidth="44rem"
        />
      </SubSection>
    </Panel>
  );
}
