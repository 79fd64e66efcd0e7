import { awsClients } from '@/lib/aws/clients';
import { readSsmParameter } from '@/lib/aws/ssm';
import { AppError } from '@/lib/errors';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';

// SSM parameter names: letters, digits and . - _ / (at most 2048).
const NAME = /^[A-Za-z0-9./_-]{1,2048}$/;

/** Resolves an SSM parameter name for the form, so the person sees what an SSM type points at. */
export const GET = apiHandler({ role: 'viewer' }, async ({ request }) => {
  const name = new URL(request.url).searchParams.get('name') ?? '';
  if (!NAME.test(name)) {
    throw new AppError(
      'bad_request:ssm_name',
      'Give an SSM parameter name such as /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64.',
    );
  }
  const parameter = await readSsmParameter(awsClients(requestRegion(request)), name);
  return parameter === undefined
    ? { name, found: false }
    : { name, found: true, value: parameter.value, type: parameter.type };
});
