import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Builds an XML document from a fast-xml-parser object tree (attributes as `@_name`). */
export function buildXml(tree: Record<string, unknown>): string {
  return DECLARATION + builder.build(tree);
}

/**
 * Turns a handler's plain result into fast-xml-parser's tree for one XML flavour: arrays become
 * wrapped lists (`<member>` for awsQuery, `<item>` for ec2Query and the rest-XML element named
 * by the caller), dates become ISO 8601, booleans and numbers become text, and absent values
 * disappear (AWS omits empty optional members).
 */
export function toXmlTree(value: unknown, listItem: string | ((key: string) => string)): unknown {
  return convert(value, listItem, '');
}

function convert(
  value: unknown,
  listItem: string | ((key: string) => string),
  key: string,
): unknown {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    const element = typeof listItem === 'string' ? listItem : listItem(key);
    return { [element]: value.map((item) => convert(item, listItem, element)) };
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) {
      const converted = convert(child, listItem, childKey);
      if (converted !== undefined) out[childKey] = converted;
    }
    return out;
  }
  return String(value);
}
