import {
  DescribeParametersCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  paginateDescribeParameters,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { refusal } from './support';

// Named SSM errors and DescribeParameters paging the services tests do not reach.
let sandbox: RunningSandbox;
let ssm: ReturnType<typeof clientsFor>['ssm'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 37 });
  ssm = clientsFor(sandbox.url).ssm;
  for (let index = 0; index < 7; index++) {
    await ssm.send(
      new PutParameterCommand({ Name: `/sdk/p${index}`, Value: String(index), Type: 'String' }),
    );
  }
});
afterAll(() => sandbox.close());

describe('SSM through the SDK', () => {
  it('pages DescribeParameters with MaxResults and NextToken', async () => {
    const pages = [];
    for await (const page of paginateDescribeParameters(
      { client: ssm, pageSize: 3 },
      { ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/sdk/'] }] },
    )) {
      pages.push(page.Parameters?.map((parameter) => parameter.Name));
    }
    expect(pages.flat()).toEqual(Array.from({ length: 7 }, (_, index) => `/sdk/p${index}`));
    expect(pages[0]).toHaveLength(3);
  });

  it('refuses DescribeParameters MaxResults above 50 with ValidationException', async () => {
    const error = await refusal(ssm.send(new DescribeParametersCommand({ MaxResults: 51 })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses more than 10 names in GetParameters with ValidationException', async () => {
    const error = await refusal(
      ssm.send(
        new GetParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `/sdk/p${i}`) }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses a path that does not start with a slash with ValidationException', async () => {
    const error = await refusal(ssm.send(new GetParametersByPathCommand({ Path: 'sdk' })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses a NextToken it did not issue with InvalidNextToken', async () => {
    const error = await refusal(
      ssm.send(new GetParametersByPathCommand({ Path: '/sdk', NextToken: 'bogus' })),
    );
    expect(error.name).toBe('InvalidNextToken');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses writing a reserved /aws/ name with AccessDeniedException', async () => {
    const error = await refusal(
      ssm.send(new PutParameterCommand({ Name: '/aws/service/x', Value: 'y', Type: 'String' })),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
