/**
 * The body of Open311's POST requests (`application/x-www-form-urlencoded`): plain fields, and
 * the service definition's answers as `attribute[code]=value`, several values of a
 * multivaluelist as `attribute[code][]=a&attribute[code][]=b`. A field sent twice becomes a
 * list, which the schema then refuses with its name. Keys become own properties only, so
 * `__proto__` is a field like any other.
 */
export type FormBody = Record<string, string | string[] | Record<string, string | string[]>>;

const attributeKey = /^attribute\[([^\]]*)\](\[\])?$/;

function add(map: Map<string, string | string[]>, key: string, value: string, list: boolean) {
  const had = map.get(key);
  if (had === undefined) map.set(key, list ? [value] : value);
  else map.set(key, [had].flat().concat(value));
}

export function parseOpen311Form(body: string): FormBody {
  const fields = new Map<string, string | string[]>();
  const attributes = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    const attribute = attributeKey.exec(key);
    if (attribute) add(attributes, attribute[1] ?? '', value, attribute[2] !== undefined);
    else add(fields, key, value, false);
  }
  const out: FormBody = Object.fromEntries(fields);
  // A plain `attribute=x` beside `attribute[code]=y` stays as sent, for the schema to refuse.
  if (attributes.size > 0 && !fields.has('attribute')) out.attribute = Object.fromEntries(attributes);
  return out;
}
