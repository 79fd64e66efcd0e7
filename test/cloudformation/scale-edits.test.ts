import { describe, expect, it } from 'vitest';
import { at, loadStackTemplate } from '@/test/cloudformation/stack-template';
import { resourcesDependingOn, sectionsOf } from '@/test/cloudformation/template-references';

const template = loadStackTemplate();
const sections = sectionsOf(template);

// The scale limits, plus the SSM-typed AMI that CloudFormation re-resolves on every update
// and so changes along with any scale edit.
const SCALE_EDIT_PARAMETERS = [
  'AgentInstanceCap',
  'WarmAgents',
  'AgentIdleMinutes',
  'AgentInstanceType',
  'AgentAmiId',
];

describe('scale edit', () => {
  it.each(SCALE_EDIT_PARAMETERS)(
    'changing %s reaches only SSM parameters, never the task definition or service',
    (parameter) => {
      const touched = [...resourcesDependingOn(parameter, sections)];
      const others = touched.filter(
        (logicalId) => at(template.Resources, logicalId, 'Type') !== 'AWS::SSM::Parameter',
      );

      expect(touched.length, `${parameter} feeds no resource at all`).toBeGreaterThan(0);
      expect(others, `resources other than SSM parameters that change with ${parameter}`).toEqual(
        [],
      );
    },
  );
});
