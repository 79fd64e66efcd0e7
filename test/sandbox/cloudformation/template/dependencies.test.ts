import { describe, expect, it } from 'vitest';
import { creationOrder, dependencyGraph } from '@/sandbox/cloudformation/template/dependencies';
import { parseTemplate } from '@/sandbox/cloudformation/template/template';

function template(resources: Record<string, unknown>) {
  return parseTemplate(JSON.stringify({ Resources: resources }));
}

describe('dependency order', () => {
  it('orders resources after what they Ref, GetAtt, Sub or DependsOn', () => {
    const graph = dependencyGraph(
      template({
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: { Cluster: { Ref: 'Cluster' }, Role: { 'Fn::Sub': '${Role.Arn}' } },
        },
        Cluster: { Type: 'AWS::ECS::Cluster', DependsOn: 'Logs' },
        Role: { Type: 'AWS::IAM::Role', Properties: { Path: { 'Fn::GetAtt': ['Logs', 'Arn'] } } },
        Logs: { Type: 'AWS::Logs::LogGroup' },
      }),
    );
    const order = creationOrder(graph);
    expect(order.indexOf('Logs')).toBeLessThan(order.indexOf('Cluster'));
    expect(order.indexOf('Logs')).toBeLessThan(order.indexOf('Role'));
    expect(order.at(-1)).toBe('Service');
  });

  it('refuses a cycle with AWS wording', () => {
    expect(() =>
      dependencyGraph(
        template({
          A: { Type: 'AWS::Logs::LogGroup', DependsOn: 'B' },
          B: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { Ref: 'A' } } },
        }),
      ),
    ).toThrow('Circular dependency between resources: [A, B]');
  });

  it('refuses references to undeclared names', () => {
    expect(() =>
      dependencyGraph(
        template({
          A: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { Ref: 'Nope' } } },
        }),
      ),
    ).toThrow(
      'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template',
    );
    expect(() =>
      dependencyGraph(
        template({
          A: {
            Type: 'AWS::Logs::LogGroup',
            Properties: { LogGroupName: { 'Fn::GetAtt': ['Foo', 'Arn'] } },
          },
        }),
      ),
    ).toThrow('Template error: instance of Fn::GetAtt references undefined resource Foo');
  });
});
