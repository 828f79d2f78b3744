/**
 * Open311 GeoReport v2's XML: schemaless, no namespace, one element per field, a list as a
 * container holding one element per item (`services` › `service`, `service_requests` ›
 * `request`). The JSON answer is the same value (the spec's Spark convention), so each answer
 * is built once and written in either format.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** The element of each item of a list, by the list's element. */
const itemElement: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

export type Open311Root = 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  ignoreAttributes: false,
  suppressEmptyNode: false,
  processEntities: true,
});

/** Characters XML 1.0 cannot hold, even escaped: C0 controls but tab, LF and CR, and U+FFFE/U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function tree(element: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    const item = itemElement[element];
    if (!item) throw new Error(`Open311 XML: no item element for the list <${element}>`);
    return { [item]: value.map((v) => tree(item, v)) };
  }
  if (typeof value === 'string') return value.replace(notXml, '\ufffd');
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tree(k, v)]));
  // Numbers and booleans as text; null as an empty element, as the spec's examples show it.
  return value;
}

/** The answer as an XML document in UTF-8, with the declaration the spec requires. */
export function toOpen311Xml(root: Open311Root, value: unknown): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    [root]: tree(root, value),
  }) as string;
}
