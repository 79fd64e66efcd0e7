import { describe, expect, it } from 'vitest';
import { isNothingToChange } from '@/lib/stacks/no-changes';

describe('nothing to change (C01)', () => {
  it('recognises both wordings', () => {
    expect(isNothingToChange('No updates are to be performed.')).toBe(true);
    expect(
      isNothingToChange(
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      ),
    ).toBe(true);
  });

  it('keeps real failures as failures', () => {
    expect(
      isNothingToChange('Template error: instance of Fn::GetAtt references undefined resource Foo'),
    ).toBe(false);
    expect(isNothingToChange(undefined)).toBe(false);
  });
});
