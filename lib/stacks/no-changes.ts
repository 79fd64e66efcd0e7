/**
 * CloudFormation says "nothing to change" in two wordings (C01): UpdateStack throws a
 * ValidationError "No updates are to be performed.", and a change set ends FAILED with a
 * StatusReason saying it "didn't contain changes". Both are a no-op, not a failure.
 */
export function isNothingToChange(message: string | undefined): boolean {
  if (message === undefined) return false;
  return (
    /No updates are to be performed/i.test(message) ||
    /didn't contain changes|did not contain changes/i.test(message)
  );
}
