import { describe, expect, it } from 'vitest';
import { readTemplateText, TemplateReadError } from '@/lib/template/read';

describe('readTemplateText', () => {
  it('turns YAML short-form tags into their long form', () => {
    const template = readTemplateText(
      [
        'Resources:',
        '  Sg:',
        '    Properties:',
        '      VpcId: !ImportValue',
        '        Fn::Sub: ${ClusterStackName}-VpcId',
        '      Host: !GetAtt Elb.DNSName',
        '      Az: !Select [0, !GetAZs ""]',
      ].join('\n'),
    );
    expect(template).toEqual({
      Resources: {
        Sg: {
          Properties: {
            VpcId: { 'Fn::ImportValue': { 'Fn::Sub': '${ClusterStackName}-VpcId' } },
            Host: { 'Fn::GetAtt': ['Elb', 'DNSName'] },
            Az: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
          },
        },
      },
    });
  });

  it('keeps dots after the first one in a short-form GetAtt attribute', () => {
    const template = readTemplateText('Outputs:\n  A:\n    Value: !GetAtt Db.Endpoint.Address\n');
    expect(template).toEqual({
      Outputs: { A: { Value: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } } },
    });
  });

  it('reads JSON templates', () => {
    expect(readTemplateText('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}')).toEqual({
      Resources: { A: { Type: 'AWS::SNS::Topic' } },
    });
  });

  it('refuses text that is not an object with a clear error', () => {
    expect(() => readTemplateText('- a\n- b\n')).toThrow(TemplateReadError);
    expect(() => readTemplateText('{ not json')).toThrow(/not valid JSON or YAML/);
  });
});
