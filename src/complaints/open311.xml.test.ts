import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toOpen311Xml } from './open311.xml.ts';

describe('Open311 XML', () => {
  it('writes the spec’s service list: a declaration, a container, one element per item and field', () => {
    const doc = toOpen311Xml('services', [
      {
        service_code: '001',
        service_name: 'Cans left out 24x7',
        description:
          'Garbage or recycling cans that have been left out for more than 24 hours after collection.',
        metadata: true,
        type: 'realtime',
        keywords: 'lorem, ipsum, dolor',
        group: 'sanitation',
      },
    ]);
    expect(doc).toBe(`<?xml version="1.0" encoding="utf-8"?>
<services>
  <service>
    <service_code>001</service_code>
    <service_name>Cans left out 24x7</service_name>
    <description>Garbage or recycling cans that have been left out for more than 24 hours after collection.</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>lorem, ipsum, dolor</keywords>
    <group>sanitation</group>
  </service>
</services>
`);
  });

  it('nests lists by their item names and writes null as an empty element', () => {
    const doc = toOpen311Xml('service_definition', {
      service_code: 'DMV66',
      attributes: [
        {
          variable: true,
          code: 'WHISHETN',
          datatype_description: null,
          order: 1,
          values: [
            { key: '123', name: 'Ford' },
            { key: '124', name: 'Chrysler' },
          ],
        },
      ],
    });
    expect(XMLValidator.validate(doc)).toBe(true);
    expect(doc).toContain('<datatype_description/>');
    const parsed = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'value' }).parse(doc);
    expect(parsed.service_definition.attributes.attribute.values.value).toEqual([
      { key: '123', name: 'Ford' },
      { key: '124', name: 'Chrysler' },
    ]);
    expect(toOpen311Xml('service_requests', [])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n',
    );
  });

  it('escapes markup and drops the characters XML cannot hold', () => {
    const doc = toOpen311Xml('errors', [{ code: 400, description: '<b>"a" & \'b\'</b>\u0007\u001f end' }]);
    expect(XMLValidator.validate(doc)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(doc);
    expect(parsed.errors.error.description).toBe('<b>"a" & \'b\'</b>\ufffd\ufffd end');
  });

  it('refuses a list it has no item name for, instead of writing a wrong document', () => {
    expect(() => toOpen311Xml('errors', [{ code: 400, description: 'x', extra: [1] }])).toThrow(/extra/);
  });
});
