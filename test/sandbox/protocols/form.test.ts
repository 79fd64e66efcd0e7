import { describe, expect, it } from 'vitest';
import { decodeQueryForm } from '@/sandbox/protocols/form';

describe('query form decoding', () => {
  it('rebuilds awsQuery member lists into arrays of objects', () => {
    const { action, input } = decodeQueryForm(
      'Action=CreateStack&Version=2010-05-15&StackName=demo&Parameters.member.1.ParameterKey=A&Parameters.member.1.ParameterValue=1&Parameters.member.2.ParameterKey=B&Parameters.member.2.UsePreviousValue=true',
    );
    expect(action).toBe('CreateStack');
    expect(input).toEqual({
      StackName: 'demo',
      Parameters: [
        { ParameterKey: 'A', ParameterValue: '1' },
        { ParameterKey: 'B', UsePreviousValue: 'true' },
      ],
    });
  });

  it('rebuilds ec2Query numbered filters with numbered values', () => {
    const { input } = decodeQueryForm(
      'Action=DescribeInstances&Filter.1.Name=tag%3Ajenkins-on-aws%3Astack&Filter.1.Value.1=demo&Filter.2.Name=instance-state-name&Filter.2.Value.1=pending&Filter.2.Value.2=running&MaxResults=5',
    );
    expect(input).toEqual({
      Filter: [
        { Name: 'tag:jenkins-on-aws:stack', Value: ['demo'] },
        { Name: 'instance-state-name', Value: ['pending', 'running'] },
      ],
      MaxResults: '5',
    });
  });

  it('orders numbered entries by number, not by arrival', () => {
    const { input } = decodeQueryForm('InstanceId.2=i-b&InstanceId.10=i-c&InstanceId.1=i-a');
    expect(input.InstanceId).toEqual(['i-a', 'i-b', 'i-c']);
  });

  it('keeps an empty list as the empty string the query protocols send', () => {
    expect(decodeQueryForm('Action=UpdateStack&Capabilities=').input).toEqual({ Capabilities: '' });
  });

  it('turns entry maps into objects', () => {
    const { input } = decodeQueryForm(
      'Attributes.entry.1.key=a&Attributes.entry.1.value=1&Attributes.entry.2.key=b&Attributes.entry.2.value=2',
    );
    expect(input).toEqual({ Attributes: { a: '1', b: '2' } });
  });
});
