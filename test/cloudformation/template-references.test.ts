import { describe, expect, it } from 'vitest';
import {
  directReferences,
  resourcesDependingOn,
  sectionsOf,
} from '@/test/cloudformation/template-references';

describe('template references', () => {
  describe('directReferences', () => {
    it('reads Ref, GetAtt and Sub names but not pseudo parameters, literals or Sub variables', () => {
      const value = {
        A: { Ref: 'Cap' },
        B: { 'Fn::GetAtt': ['Group', 'GroupId'] },
        C: { 'Fn::Sub': '${AWS::StackName}-${Type}-${!Escaped}-${Profile.Arn}' },
        D: { 'Fn::Sub': ['${Local}-${Subnet}', { Local: { Ref: 'Zone' } }] },
      };
      expect([...directReferences(value, {})].sort()).toEqual([
        'Cap',
        'Group',
        'Profile',
        'Subnet',
        'Type',
        'Zone',
      ]);
    });

    it('follows Fn::If and Condition through the Conditions section, cycles included', () => {
      const conditions = {
        On: { 'Fn::Equals': [{ Ref: 'Enabled' }, 'true'] },
        Loop: { 'Fn::And': [{ Condition: 'On' }, { Condition: 'Loop' }] },
      };
      expect([...directReferences({ 'Fn::If': ['Loop', 1, 0] }, conditions)]).toEqual(['Enabled']);
    });
  });

  describe('resourcesDependingOn', () => {
    it('follows Sub strings, GetAtt chains and conditions but not DependsOn', () => {
      const sections = sectionsOf({
        Conditions: { Big: { 'Fn::Equals': [{ Ref: 'AgentInstanceCap' }, '200'] } },
        Resources: {
          Setting: {
            Type: 'AWS::SSM::Parameter',
            Properties: { Value: { Ref: 'AgentInstanceCap' } },
          },
          TaskDef: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: { Family: { 'Fn::Sub': 'jenkins-${Setting.Value}-${!Literal}' } },
          },
          Service: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: { Ref: 'TaskDef' } },
          },
          Cluster: {
            Type: 'AWS::ECS::Cluster',
            Properties: { Name: { 'Fn::If': ['Big', 'big', 'small'] } },
          },
          Record: { Type: 'AWS::Route53::RecordSet', Condition: 'Big' },
          Unrelated: { Type: 'AWS::Logs::LogGroup', DependsOn: ['Setting'] },
        },
      });
      expect([...resourcesDependingOn('AgentInstanceCap', sections)].sort()).toEqual([
        'Cluster',
        'Record',
        'Service',
        'Setting',
        'TaskDef',
      ]);
    });
  });
});
