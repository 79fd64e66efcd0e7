/** Whether the change set can be executed now (CREATE_COMPLETE and AVAILABLE). */
export function changeSetReady(changeSet: { status: string; executionStatus: string }): boolean {
  return changeSet.status === 'CREATE_COMPLETE' && changeSet.executionStatus === 'AVAILABLE';
}
