import {
  CancelUpdateStackCommand,
  paginateDescribeStackEvents,
  UpdateStackCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, scaleEdit, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let events: StackEvent[];
let pages: number;

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 114 });
  clients = clientsFor(sandbox.url);
  await deployJenkins(sandbox, clients, STACK, { token: 'dash-1a2b' });
  await clients.cloudFormation.send(
    new UpdateStackCommand({
      StackName: STACK,
      UsePreviousTemplate: true,
      Parameters: scaleEdit({ ControllerCpu: '2048' }),
      Capabilities: JENKINS_CAPABILITIES,
      ClientRequestToken: 'dash-7f3c',
    }),
  );
  await sandbox.control.advance(2_000);
  // Someone else cancels from the console: the rollback carries their token, not ours.
  await clients.cloudFormation.send(
    new CancelUpdateStackCommand({
      StackName: STACK,
      ClientRequestToken: 'Console-CancelUpdateStack-91ab',
    }),
  );
  expect((await settle(sandbox, clients.cloudFormation, STACK, 15_000)).StackStatus).toBe(
    'UPDATE_ROLLBACK_COMPLETE',
  );
  events = [];
  pages = 0;
  for await (const page of paginateDescribeStackEvents(
    { client: clients.cloudFormation },
    { StackName: STACK },
  )) {
    pages += 1;
    events.push(...(page.StackEvents ?? []));
  }
});
afterAll(() => sandbox.close());

const stackLevel = (event: StackEvent) => event.LogicalResourceId === STACK;

describe('C14 stack event stream', () => {
  it('answers the history newest first over several pages, each event once', () => {
    expect(pages).toBeGreaterThan(1);
    const times = events.map((event) => event.Timestamp?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(events.map((event) => event.EventId)).size).toBe(events.length);
    expect(events[0]).toMatchObject({ ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE' });
  });

  it('marks the operation start with a stack-level UPDATE_IN_PROGRESS carrying our token', () => {
    const start = events.find(
      (event) => stackLevel(event) && event.ResourceStatus === 'UPDATE_IN_PROGRESS',
    );
    expect(start).toMatchObject({
      ClientRequestToken: 'dash-7f3c',
      ResourceStatusReason: 'User Initiated',
    });
    const older = events.slice(events.indexOf(start as StackEvent) + 1);
    expect(older[0]).toMatchObject({
      ResourceStatus: 'CREATE_COMPLETE',
      ClientRequestToken: 'dash-1a2b',
    });
    expect(older.every((event) => event.ClientRequestToken === 'dash-1a2b')).toBe(true);
  });

  it('carries the cancel token on the rollback events after our operation started', () => {
    const start = events.findIndex(
      (event) => stackLevel(event) && event.ResourceStatus === 'UPDATE_IN_PROGRESS',
    );
    const operation = events.slice(0, start + 1);
    const rollback = operation.find(
      (event) => stackLevel(event) && event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS',
    );
    expect(rollback).toMatchObject({
      ClientRequestToken: 'Console-CancelUpdateStack-91ab',
      ResourceStatusReason: 'Resource update cancelled',
    });
    expect(new Set(operation.map((event) => event.ClientRequestToken))).toEqual(
      new Set(['dash-7f3c', 'Console-CancelUpdateStack-91ab']),
    );
  });
});
