import { describe, expect, it } from 'vitest';
import {
  INLINE_TEMPLATE_LIMIT_BYTES,
  likelyCapabilities,
  readUploadedTemplate,
} from '@/components/launch/template-upload';

function refusal(text: string): string {
  const outcome = readUploadedTemplate(text);
  if (outcome.ok) throw new Error('expected the template to be refused');
  return outcome.message;
}

describe('template upload', () => {
  it('reads a YAML template with short-form tags into the form model', () => {
    const outcome = readUploadedTemplate(
      `
Description: Small stack
Parameters:
  Cap: {Type: Number, Default: 10}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-cap-\${Cap}'
`,
      'small.yaml',
    );

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.template.model.parameters.map((parameter) => parameter.key)).toEqual(['Cap']);
    expect(outcome.template.description).toBe('Small stack');
    expect(outcome.template.source).toBe('small.yaml');
    expect(outcome.template.capabilities).toEqual([]);
  });

  it('reads a JSON template', () => {
    const outcome = readUploadedTemplate(
      JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }),
    );

    expect(outcome.ok).toBe(true);
  });

  it('refuses empty text', () => {
    expect(refusal('  \n')).toBe(
      'The template is empty: upload or paste a CloudFormation template in YAML or JSON.',
    );
  });

  it('refuses a template over the inline limit, counting bytes rather than characters', () => {
    // 'é' is two bytes in UTF-8: under the limit in characters, over it in bytes.
    const text = `Resources: {}\n# ${'é'.repeat(INLINE_TEMPLATE_LIMIT_BYTES / 2)}`;

    expect(text.length).toBeLessThan(INLINE_TEMPLATE_LIMIT_BYTES);
    expect(refusal(text)).toMatch(/is 51,216 bytes; a template sent inline may be at most 51,200/);
  });

  it('refuses text that is neither JSON nor YAML, with the parser’s reason', () => {
    expect(refusal('{"Resources": ')).toMatch(/^The template is not valid JSON or YAML: /);
    expect(refusal('Resources: [unclosed')).toMatch(/^The template is not valid JSON or YAML: /);
  });

  it('refuses a document that is not a mapping', () => {
    expect(refusal('- just\n- a list\n')).toBe(
      'The template must be a JSON or YAML object at the top level.',
    );
  });

  it('refuses a template without resources', () => {
    expect(refusal('Parameters:\n  Cap: {Type: Number}\n')).toMatch(
      /not a CloudFormation template: it has no Resources section/,
    );
  });

  it('names the parameter CloudFormation would refuse', () => {
    const message = refusal(`
Parameters:
  Broken: {Type: Strnig}
Resources:
  Topic: {Type: AWS::SNS::Topic}
`);

    expect(message).toBe(
      "The template's parameters cannot be used. Parameter Broken: Strnig is not a CloudFormation parameter type.",
    );
  });

  it('guesses NAMED_IAM for named IAM resources and IAM for unnamed ones', () => {
    const named = {
      Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'x' } } },
    };
    const unnamed = { Resources: { Role: { Type: 'AWS::IAM::Role', Properties: {} } } };

    expect(likelyCapabilities(named)).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(likelyCapabilities(unnamed)).toEqual(['CAPABILITY_IAM']);
    expect(likelyCapabilities({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } })).toEqual([]);
  });
});
