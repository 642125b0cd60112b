import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Format } from '../../domain/open311.js';

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** Element names of the spec's XML documents: a list root and its item. */
export const XML_NAMES = {
  services: ['services', 'service'],
  service_definition: ['service_definition', null],
  requests: ['service_requests', 'request'],
  post: ['service_requests', 'request'],
  discovery: ['discovery', null],
  errors: ['errors', 'error'],
} as const;

type Shape = keyof typeof XML_NAMES;

/** Lists inside an item are wrapped in the spec's XML: <attributes><attribute>…</attribute></attributes>. */
const LIST_ITEM: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** Nulls become empty elements; inner lists get their wrapper element. */
function xmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const item = LIST_ITEM[k];
        return [k, item && Array.isArray(v) ? { [item]: xmlValue(v) } : xmlValue(v)];
      }),
    );
  }
  return value;
}

/**
 * Renders a body in the format of the path suffix. JSON is the bare array (or object) of the spec; XML
 * wraps items in the spec's element names.
 */
export function render(format: Open311Format, shape: Shape, body: unknown): { contentType: string; payload: string } {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
  const [root, item] = XML_NAMES[shape];
  const content = item ? { [item]: xmlValue(body) } : xmlValue(body);
  return {
    contentType: 'text/xml; charset=utf-8',
    payload: `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: content })}`,
  };
}
