/**
 * Routes with no input to get wrong: liveness, the environment, the overview (it reads the
 * configured regions, not the request), and the OIDC callback, which by design answers a
 * browser redirect to /signin with a reason code rather than a JSON 4xx.
 */
export const ROUTES_WITHOUT_INPUT = ['health', 'environment', 'stacks', 'auth/oidc/callback'];

/**
 * Bad requests to every API route, each with the 4xx it must get and words its answer must
 * carry so that the person knows what to do. Shared inputs are generated per route; the rest
 * are the route's own (values outside the template's constraints, unknown parameters, NoEcho
 * probes).
 */
export interface BadInput {
  readonly route: string;
  readonly method: 'GET' | 'POST';
  /** The URL path and query. */
  readonly path: string;
  readonly params?: Record<string, string>;
  readonly body?: string;
  readonly contentType?: string | null;
  readonly status: number;
  /** Matched against the message and every field message of the answer. */
  readonly says: RegExp;
  readonly why: string;
}

const STACK = 'jenkins-bad';
const JSON_BODY = /not valid JSON/;
const SEND_JSON = /Send the request body as application\/json/;
const TOO_LARGE = /larger than \d+ bytes/;
const NAME_RULE = /starts with a letter and holds only letters, digits and hyphens/;
const ATTEMPT_RULE = /attemptId must be 6–32 letters and digits/;

/** POST routes and a body each would accept, to be broken in the shared ways. */
const MUTATIONS: {
  route: string;
  path: string;
  named: boolean;
  maxBytes: number;
  body: object;
  /** The field to send as a number (zod drops unknown keys, so it must be one the route reads). */
  mistyped?: string;
}[] = [
  {
    route: 'launch',
    path: '/api/launch',
    named: false,
    maxBytes: 128 * 1024,
    body: { stackName: 'new-stack', attemptId: 'attempt001', values: {} },
  },
  {
    route: 'launch/execute',
    path: '/api/launch/execute',
    named: false,
    maxBytes: 64 * 1024,
    body: { stackName: STACK, attemptId: 'attempt001', changeSetArn: 'arn:aws:cloudformation:x' },
  },
  {
    route: 'launch/cancel',
    path: '/api/launch/cancel',
    named: false,
    maxBytes: 64 * 1024,
    body: { stackName: STACK, changeSetArn: 'arn:aws:cloudformation:x' },
    mistyped: 'changeSetArn',
  },
  {
    route: 'stacks/[name]/scale',
    path: `/api/stacks/${STACK}/scale`,
    named: true,
    maxBytes: 64 * 1024,
    body: { attemptId: 'attempt001', changes: { AgentInstanceCap: '12' }, expected: {} },
  },
  {
    route: 'stacks/[name]/update',
    path: `/api/stacks/${STACK}/update`,
    named: true,
    maxBytes: 128 * 1024,
    body: { attemptId: 'attempt001', values: {}, touched: [] },
  },
  {
    route: 'stacks/[name]/update/execute',
    path: `/api/stacks/${STACK}/update/execute`,
    named: true,
    maxBytes: 64 * 1024,
    body: { attemptId: 'attempt001', changeSetArn: 'arn:aws:cloudformation:x' },
  },
  {
    route: 'stacks/[name]/update/cancel',
    path: `/api/stacks/${STACK}/update/cancel`,
    named: true,
    maxBytes: 64 * 1024,
    body: { changeSetArn: 'arn:aws:cloudformation:x' },
    mistyped: 'changeSetArn',
  },
  {
    route: 'stacks/[name]/cancel-update',
    path: `/api/stacks/${STACK}/cancel-update`,
    named: true,
    maxBytes: 64 * 1024,
    body: { attemptId: 'attempt001' },
  },
  {
    route: 'stacks/[name]/continue-rollback',
    path: `/api/stacks/${STACK}/continue-rollback`,
    named: true,
    maxBytes: 64 * 1024,
    body: { attemptId: 'attempt001' },
  },
  {
    route: 'stacks/[name]/delete',
    path: `/api/stacks/${STACK}/delete`,
    named: true,
    maxBytes: 64 * 1024,
    body: { attemptId: 'attempt001' },
  },
];

/** GET routes taking a stack name. */
const NAMED_READS = [
  'stacks/[name]',
  'stacks/[name]/events',
  'stacks/[name]/template',
  'stacks/[name]/scale',
  'stacks/[name]/continue-rollback',
  'stacks/[name]/delete',
];

/** Stack names that must never reach AWS or a path: traversal, encoded slashes, CFN's rule. */
const BAD_NAMES = ['../x', 'a%2Fb', 'a/b', '1starts-with-digit', 'has space', 'x'.repeat(129)];

function sharedMutationInputs(): BadInput[] {
  return MUTATIONS.flatMap(({ route, path, named, maxBytes, body, mistyped }) => {
    const params = named ? { name: STACK } : undefined;
    const inputs: BadInput[] = [
      {
        route,
        method: 'POST',
        path,
        params,
        body: '{"attemptId": "attempt001",',
        status: 400,
        says: JSON_BODY,
        why: 'malformed JSON',
      },
      {
        route,
        method: 'POST',
        path,
        params,
        body: JSON.stringify(body),
        contentType: 'text/plain',
        status: 415,
        says: SEND_JSON,
        why: 'a form-style content type',
      },
      {
        route,
        method: 'POST',
        path,
        params,
        body: JSON.stringify({ ...body, padding: 'x'.repeat(maxBytes) }),
        status: 413,
        says: TOO_LARGE,
        why: 'an oversized body',
      },
      {
        route,
        method: 'POST',
        path,
        params,
        body: JSON.stringify({ ...body, [mistyped ?? 'attemptId']: 42 }),
        status: 400,
        says: /expected string/i,
        why: 'a number where a string belongs',
      },
      {
        route,
        method: 'POST',
        path: `${path}?region=..%2F..%2Fetc`,
        params,
        body: JSON.stringify(body),
        status: 400,
        says: /is not one this dashboard manages/,
        why: 'a region that is not configured',
      },
    ];
    if (named) {
      inputs.push(
        ...BAD_NAMES.slice(0, 3).map((name) => ({
          route,
          method: 'POST' as const,
          path: path.replace(STACK, encodeURIComponent(name)),
          params: { name },
          body: JSON.stringify(body),
          status: 400,
          says: NAME_RULE,
          why: `the stack name ${name.slice(0, 20)}`,
        })),
      );
    }
    return inputs;
  });
}

function sharedReadInputs(): BadInput[] {
  return NAMED_READS.flatMap((route) =>
    BAD_NAMES.map((name) => ({
      route,
      method: 'GET' as const,
      path: `/api/${route.replace('[name]', encodeURIComponent(name))}`,
      params: { name },
      status: 400,
      says: NAME_RULE,
      why: `the stack name ${name.slice(0, 20)}`,
    })),
  );
}

function scale(body: object, why: string, says: RegExp): BadInput {
  return {
    route: 'stacks/[name]/scale',
    method: 'POST',
    path: `/api/stacks/${STACK}/scale`,
    params: { name: STACK },
    body: JSON.stringify({ attemptId: 'badscale01', expected: {}, ...body }),
    status: 400,
    says,
    why,
  };
}

function launch(values: Record<string, string>, why: string, says: RegExp): BadInput {
  return {
    route: 'launch',
    method: 'POST',
    path: '/api/launch',
    body: JSON.stringify({ stackName: 'bad-launch', attemptId: 'badlaunch01', values }),
    status: 400,
    says,
    why,
  };
}

function ownInputs(): BadInput[] {
  return [
    scale({ changes: { AgentInstanceCap: '0' } }, 'a cap below 1', /AgentInstanceCap/),
    scale({ changes: { AgentInstanceCap: '201' } }, 'a cap above 200', /AgentInstanceCap/),
    scale(
      { changes: { AgentInstanceCap: 'ten' } },
      'a cap that is not a number',
      /AgentInstanceCap/,
    ),
    scale({ changes: { AgentInstanceCap: '1.5' } }, 'a fractional cap', /AgentInstanceCap/),
    scale({ changes: { WarmAgents: '51' } }, 'warm agents above 50', /WarmAgents/),
    scale({ changes: { AgentIdleMinutes: '0' } }, 'idle minutes below 1', /AgentIdleMinutes/),
    scale(
      { changes: { AgentInstanceType: 'm5.huge' } },
      'an instance type not allowed',
      /AgentInstanceType/,
    ),
    scale(
      { changes: { ControllerEnabled: 'maybe' } },
      'a switch that is not true/false',
      /ControllerEnabled/,
    ),
    scale({ changes: {} }, 'no change at all', /Change at least one scale limit/),
    scale(
      { changes: { AgentInstanceCap: 12 } },
      'a number instead of a string',
      /expected string/i,
    ),
    scale(
      { changes: { JenkinsAdminPassword: 'x' } },
      'a NoEcho parameter through the scale panel',
      /AgentInstanceCap|expected one of|Unrecognized key|Invalid key/i,
    ),
    scale(
      { changes: { AgentInstanceCap: '12' }, expected: { JenkinsAdminPassword: '****' } },
      'a NoEcho probe in expected values',
      /AgentInstanceCap|expected one of|Unrecognized key|Invalid key/i,
    ),
    scale(
      { changes: { NotAParameter: '1' } },
      'an unknown parameter',
      /AgentInstanceCap|expected one of|Unrecognized key|Invalid key/i,
    ),
    scale(
      { attemptId: '../../x', changes: { AgentInstanceCap: '12' } },
      'an attempt id with path characters',
      ATTEMPT_RULE,
    ),
    launch({ AgentInstanceCap: '500' }, 'a launch cap above 200', /AgentInstanceCap/),
    launch(
      { JenkinsAdminPassword: 'short' },
      'a password under 12 characters',
      /JenkinsAdminPassword/,
    ),
    launch({ NotAParameter: 'x' }, 'an unknown template parameter', /NotAParameter/),
    launch({ ControllerCpu: '3' }, 'a CPU size not allowed', /ControllerCpu/),
    {
      route: 'launch',
      method: 'POST',
      path: '/api/launch',
      body: JSON.stringify({ stackName: '../etc', attemptId: 'badlaunch01', values: {} }),
      status: 400,
      says: NAME_RULE,
      why: 'a new stack name with path characters',
    },
    {
      route: 'launch',
      method: 'POST',
      path: '/api/launch',
      body: JSON.stringify({
        stackName: 'bad-launch',
        attemptId: 'badlaunch01',
        values: {},
        tags: [{ key: 'aws:cloudformation:stack-name', value: 'x' }],
      }),
      status: 400,
      says: /Tag keys cannot start with aws:/,
      why: 'a reserved tag key',
    },
    {
      route: 'launch/execute',
      method: 'POST',
      path: '/api/launch/execute',
      body: JSON.stringify({
        stackName: STACK,
        attemptId: 'attempt001',
        changeSetArn: 'not-an-arn',
      }),
      status: 400,
      says: /Not a change set ARN/,
      why: 'a change set that is not an ARN',
    },
    {
      route: 'stacks/[name]/continue-rollback',
      method: 'POST',
      path: `/api/stacks/${STACK}/continue-rollback`,
      params: { name: STACK },
      body: JSON.stringify({ attemptId: 'attempt001', resourcesToSkip: ['../Controller'] }),
      status: 400,
      says: /Not a logical resource id/,
      why: 'a resource to skip with path characters',
    },
    {
      route: 'stacks/[name]/delete',
      method: 'POST',
      path: `/api/stacks/${STACK}/delete`,
      params: { name: STACK },
      body: JSON.stringify({ attemptId: 'attempt001', resourcesToRetain: ['../FileSystem'] }),
      status: 400,
      says: /Not a logical resource id/,
      why: 'a resource to retain with path characters',
    },
    {
      route: 'stacks/[name]/update',
      method: 'POST',
      path: `/api/stacks/${STACK}/update`,
      params: { name: STACK },
      body: JSON.stringify({
        attemptId: 'attempt001',
        values: {},
        touched: 'JenkinsAdminPassword',
      }),
      status: 400,
      says: /expected array/i,
      why: 'touched as a string',
    },
    {
      route: 'account/network',
      method: 'GET',
      path: '/api/account/network?vpcId=../../etc',
      status: 400,
      says: /vpcId must look like vpc-/,
      why: 'a VPC id with path characters',
    },
    {
      route: 'account/ssm-parameter',
      method: 'GET',
      path: '/api/account/ssm-parameter?name=%3Cscript%3E',
      status: 400,
      says: /Give an SSM parameter name such as/,
      why: 'an SSM name with markup',
    },
    {
      route: 'account/ssm-parameter',
      method: 'GET',
      path: '/api/account/ssm-parameter',
      status: 400,
      says: /Give an SSM parameter name such as/,
      why: 'no SSM name at all',
    },
    {
      route: 'account/hosted-zones',
      method: 'GET',
      path: '/api/account/hosted-zones?region=us-east-1x',
      status: 400,
      says: /is not one this dashboard manages/,
      why: 'a malformed region',
    },
    {
      route: 'launch/template',
      method: 'GET',
      path: '/api/launch/template?region=eu-west-9',
      status: 400,
      says: /is not one this dashboard manages/,
      why: 'a region that is not configured',
    },
    {
      route: 'auth/signin',
      method: 'POST',
      path: '/api/auth/signin',
      body: JSON.stringify({ username: '../admin', password: 'x' }),
      status: 400,
      says: /Enter your username/,
      why: 'a username with path characters',
    },
    {
      route: 'auth/signin',
      method: 'POST',
      path: '/api/auth/signin',
      body: '{"username": "ada", "password": ',
      status: 400,
      says: JSON_BODY,
      why: 'malformed JSON at sign-in',
    },
    {
      route: 'auth/signin',
      method: 'POST',
      path: '/api/auth/signin',
      body: JSON.stringify({ username: 'ada', password: 'x'.repeat(9_000) }),
      status: 413,
      says: TOO_LARGE,
      why: 'an oversized password',
    },
    {
      route: 'auth/signout',
      method: 'POST',
      path: '/api/auth/signout',
      body: 'signout=1',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
      says: SEND_JSON,
      why: 'a form post (what a cross-site form can send)',
    },
    {
      route: 'auth/oidc/start',
      method: 'GET',
      path: '/api/auth/oidc/start?next=%2F%2Fevil.example',
      status: 404,
      says: /single sign-on|OIDC|not configured/i,
      why: 'single sign-on asked for where none is configured',
    },
  ];
}

/** Every bad input, for the routes' table test. */
export function badInputs(): BadInput[] {
  return [...sharedMutationInputs(), ...sharedReadInputs(), ...ownInputs()];
}

export const CORPUS_STACK = STACK;
