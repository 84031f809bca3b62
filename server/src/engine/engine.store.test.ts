import { describe, expect, it } from 'vitest';
import {
  connectionTemplate,
  chainNationalQ,
  chainShapeQ,
  extensionTemplate,
  engineCatalogQ,
  hitDetailsQ,
  linkFirmsQ,
  localPresenceQ,
  mapOrganisationQ,
  regionCourtedQ,
  regionTiesQ,
} from './engine.store.js';

const templates = [
  chainNationalQ,
  chainShapeQ,
  localPresenceQ,
  engineCatalogQ,
  linkFirmsQ,
  regionCourtedQ,
  regionTiesQ,
  hitDetailsQ,
  mapOrganisationQ,
  ...(['PROVINCE', 'CITY', 'COUNTY', 'ZONE'] as const).map(extensionTemplate),
  ...[1, 2, 3].map(connectionTemplate),
];

describe('engine store Cypher', () => {
  it('gives every template its own name', () => {
    const names = templates.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is visible in review: a changed query shows up in this snapshot', () => {
    expect(Object.fromEntries(templates.map((q) => [q.name, q.text]))).toMatchSnapshot();
  });

  it('finds local firms through the indexed code of the region level, never by walking the region tree', () => {
    const text = localPresenceQ.text;
    for (const prop of ['provinceCode', 'cityCode', 'countyCode', 'regionCode']) {
      expect(text).toContain(`MATCH (e:Enterprise) WHERE e.${prop} = r.code`);
    }
    expect(text).not.toMatch(/LOCATED_IN|WITHIN/);
  });

  it('groups 延链 relatedness by the code of the region’s level', () => {
    expect(extensionTemplate('CITY').text).toContain('e.cityCode AS unit');
    expect(extensionTemplate('ZONE').text).toContain('e.regionCode AS unit');
  });

  it('allows 1 to 3 hops only', () => {
    expect(connectionTemplate(2).text).toContain('{1,2}');
    expect(() => connectionTemplate(4)).toThrow(RangeError);
  });
});
