import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WorldState } from './world/state';

/** Reads a saved world, or undefined when there is none (a first start). */
export async function loadWorldState(path: string): Promise<WorldState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as WorldState;
  if (parsed.version !== 1) throw new Error(`Unsupported sandbox state version in ${path}`);
  return parsed;
}

/** Writes the world atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function saveWorldState(path: string, state: WorldState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, path);
}
