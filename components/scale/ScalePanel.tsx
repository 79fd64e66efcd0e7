// PLACEHOLDER so the stack page compiles: the lead replaces this file with the real
// scale-limits panel (agent cap, warm agents, controller on/off). Keep the props.
import type { StackSnapshot } from '@/lib/status/types';

export interface ScalePanelProps {
  stackName: string;
  region: string;
  snapshot: StackSnapshot;
}

export function ScalePanel(_props: ScalePanelProps) {
  return null;
}
