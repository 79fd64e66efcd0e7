import { connectedNodes } from '../simulation/ec2-plugin';
import { controllerOf, jenkinsReady } from '../simulation/jenkins-controller';
import type { EcsService, JenkinsController, RegionState, Task } from '../world/state';

/** The Jenkins LTS version the simulated controller reports in `X-Jenkins`. */
export const JENKINS_VERSION = '2.568.2';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * What the Jenkins controller in `task` answers for `path`: `/login` (the load balancer's health
 * check), `/api/json`, `/queue/api/json` and `/computer/api/json`, consistent with the agents the
 * simulated EC2 plugin runs. While Jenkins starts it answers 503, as the real one does.
 */
export function answerAsJenkins(
  region: RegionState,
  service: EcsService,
  task: Task,
  path: string,
  now: number,
): HttpAnswer {
  if (task.lastStatus !== 'RUNNING') {
    return { status: 502, headers: { 'content-type': 'text/plain' }, body: 'Connection refused' };
  }
  if (!jenkinsReady(task, now)) {
    return html(
      503,
      '<html><body><h1>Please wait while Jenkins is getting ready to work...</h1></body></html>',
    );
  }

  const controller = controllerOf(region, service);
  const url = controller.settings?.jenkinsUrl ?? '/';
  const pathname = path.split('?')[0] ?? '/';

  switch (pathname.replace(/\/+$/, '') || '/') {
    case '/':
    case '/login':
      return html(
        200,
        '<!DOCTYPE html><html><head><title>Sign in [Jenkins]</title></head><body><form name="login" action="j_spring_security_check" method="post"><input name="j_username"/><input name="j_password" type="password"/></form></body></html>',
      );
    case '/api/json':
      return json({
        _class: 'hudson.model.Hudson',
        assignedLabels: [{ name: 'built-in' }],
        mode: 'EXCLUSIVE',
        nodeDescription: "the Jenkins controller's built-in node",
        nodeName: '',
        numExecutors: 0,
        description: controller.settings?.systemMessage ?? null,
        jobs: [
          {
            _class: 'hudson.model.FreeStyleProject',
            name: 'build',
            url: `${url}job/build/`,
            color: 'blue_anime',
          },
        ],
        quietingDown: false,
        slaveAgentPort: -1,
        url,
        useCrumbs: true,
        useSecurity: true,
      });
    case '/queue/api/json':
      return json(queueView(region, controller, url, now));
    case '/computer/api/json':
      return json(computerView(region, controller, now));
    default:
      return html(404, '<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>');
  }
}

function queueView(
  region: RegionState,
  controller: JenkinsController,
  url: string,
  now: number,
): Record<string, unknown> {
  const executors = controller.settings?.numExecutors ?? 1;
  const busyExecutors = Math.min(
    controller.demand,
    connectedNodes(controller, region, now).length * executors,
  );
  const label = controller.settings?.labels || 'linux';
  const waiting = Math.max(0, controller.demand - busyExecutors);
  const items = Array.from({ length: waiting }, (_, index) => ({
    _class: 'hudson.model.Queue$BuildableItem',
    id: 1000 + index,
    blocked: false,
    buildable: true,
    inQueueSince: now - 60_000,
    stuck: false,
    why: `Waiting for next available executor on ‘${label}’`,
    task: { _class: 'hudson.model.FreeStyleProject', name: 'build', url: `${url}job/build/` },
  }));
  return { _class: 'hudson.model.Queue', discoverableItems: [], items };
}

function computerView(
  region: RegionState,
  controller: JenkinsController,
  now: number,
): Record<string, unknown> {
  const executors = controller.settings?.numExecutors ?? 1;
  const online = new Set(connectedNodes(controller, region, now).map((node) => node.instanceId));
  const computers = [
    {
      _class: 'hudson.model.Hudson$MasterComputer',
      displayName: 'Built-In Node',
      idle: true,
      numExecutors: 0,
      offline: false,
      temporarilyOffline: false,
      offlineCauseReason: '',
      assignedLabels: [{ name: 'built-in' }],
    },
    ...Object.values(controller.agents).map((node) => ({
      _class: 'hudson.plugins.ec2.EC2Computer',
      displayName: node.nodeName,
      idle: !node.busy,
      numExecutors: executors,
      offline: !online.has(node.instanceId),
      temporarilyOffline: false,
      offlineCauseReason: online.has(node.instanceId)
        ? ''
        : 'Launching the agent (EC2 instance starting)',
      assignedLabels: [{ name: controller.settings?.labels || 'linux' }],
    })),
  ];
  const totalExecutors = online.size * executors;
  return {
    _class: 'hudson.model.ComputerSet',
    busyExecutors: Math.min(controller.demand, totalExecutors),
    totalExecutors,
    displayName: 'Nodes',
    computer: computers,
  };
}

function html(status: number, body: string): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'text/html;charset=utf-8', 'x-jenkins': JENKINS_VERSION },
    body,
  };
}

function json(value: unknown): HttpAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-jenkins': JENKINS_VERSION },
    body: JSON.stringify(value),
  };
}
