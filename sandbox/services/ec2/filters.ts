import { AwsServiceError } from '../../core/errors';
import { recordList, stringList } from '../../core/input';
import type { Tag } from '../../world/state';

export interface Ec2Filter {
  readonly name: string;
  readonly values: string[];
}

/** Reads `Filter.N.Name` / `Filter.N.Value.M` from decoded ec2Query input. */
export function readFilters(input: Record<string, unknown>): Ec2Filter[] {
  return recordList(input.Filter).map((filter) => ({
    name: String(filter.Name ?? ''),
    values: stringList(filter.Value),
  }));
}

/**
 * Values a resource has for one filter name, or `undefined` when the name is not a filter of this
 * resource type. Tag filters (`tag:KEY`, `tag-key`, `tag-value`) are handled here for all types.
 */
export type FilterValues = (name: string) => readonly (string | undefined)[] | undefined;

/**
 * EC2's filter semantics: every filter must match (AND); within one filter any value may match
 * (OR); values take `*` and `?` wildcards. An unknown filter name is an error, as in EC2.
 */
export function matchesFilters(
  filters: readonly Ec2Filter[],
  tags: readonly Tag[],
  valuesOf: FilterValues,
): boolean {
  return filters.every((filter) => {
    const actual = tagFilterValues(filter.name, tags) ?? valuesOf(filter.name);
    if (actual === undefined) {
      throw new AwsServiceError('InvalidParameterValue', `The filter '${filter.name}' is invalid`);
    }
    return filter.values.some((wanted) => {
      const pattern = wildcard(wanted);
      return actual.some((value) => value !== undefined && pattern.test(value));
    });
  });
}

function tagFilterValues(name: string, tags: readonly Tag[]): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);
  }
  if (name === 'tag-key') return tags.map((tag) => tag.Key);
  if (name === 'tag-value') return tags.map((tag) => tag.Value);
  return undefined;
}

function wildcard(value: string): RegExp {
  const escaped = value.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}

/** Tags in EC2's wire shape. */
export function tagSet(tags: readonly Tag[]): { key: string; value: string }[] {
  return tags.map((tag) => ({ key: tag.Key, value: tag.Value }));
}
