import { describe, expect, it } from 'vitest';
import { parseOpen311Form } from './open311.form.ts';

describe('the Open311 POST body', () => {
  it('reads the spec’s example request, attributes included', () => {
    const body =
      'api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001';
    expect(parseOpen311Form(body)).toEqual({
      api_key: 'xyz',
      jurisdiction_id: 'city.gov',
      service_code: '001',
      lat: '37.76524078',
      long: '-122.4212043',
      address_string: '1234 5th street',
      email: 'smit333@sfgov.edu',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: 'john',
      last_name: 'smith',
      phone: '111111111',
      description: 'A large sinkhole is destroying the street',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      attribute: { WHISPAWN: '123456', WHISDORN: 'COISL001' },
    });
  });

  it('collects a multivaluelist’s values, and a field sent twice as a list', () => {
    const body =
      'attribute[code1][]=value1&attribute[code1][]=value2&attribute[code1][]=value3&attribute[one][]=x&service_code=a&service_code=b';
    expect(parseOpen311Form(body)).toEqual({
      service_code: ['a', 'b'],
      attribute: { code1: ['value1', 'value2', 'value3'], one: ['x'] },
    });
    // Percent-encoded brackets are the same key.
    expect(parseOpen311Form('attribute%5Bclass%5D=aspirasi')).toEqual({ attribute: { class: 'aspirasi' } });
  });

  it('keeps hostile keys as own fields, never as the prototype', () => {
    const parsed = parseOpen311Form('__proto__=x&attribute[__proto__]=y&constructor=z');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(Object.hasOwn(parsed.attribute as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves a plain attribute beside bracketed ones as sent, for the schema to refuse', () => {
    expect(parseOpen311Form('attribute=x&attribute[class]=aspirasi')).toEqual({ attribute: 'x' });
    expect(parseOpen311Form('')).toEqual({});
  });
});
