import {
  REQUEST_PROPERTIES,
  REQUEST_PROPERTY_TYPES,
  REQUIRED_REQUEST_PROPERTIES,
} from '../../src/contracts/requestProperties';
import { REQUIRED_ENTITY_PROPERTIES } from '../../src/contracts/entityProperties';
import { contractSchema } from '../../src/contracts/registry';
import { listIssues } from '../../src/validator/listIssues';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

describe('the request properties, read from the request schema', () => {
  it('lists every property in schema order, the five documented ones required', () => {
    // The sample body carries the required ones, in order, after its @odata.type.
    expect(REQUIRED_REQUEST_PROPERTIES).toEqual(Object.keys(SAMPLE_CREATE_REQUEST).slice(1));
    expect(REQUEST_PROPERTIES).toEqual(['@odata.type', 'id', ...REQUIRED_REQUEST_PROPERTIES]);
    expect(REQUIRED_REQUEST_PROPERTIES).toEqual(
      (contractSchema('request')['$defs'] as { documented: { required: string[] } }).documented
        .required,
    );
  });

  it('follows $refs into the entity schema for each type; a const has none', () => {
    expect(REQUEST_PROPERTY_TYPES).toEqual({
      '@odata.type': [],
      id: ['string'],
      userDisplayName: ['string', 'null'],
      devicesCount: ['integer'],
      status: ['string'],
      lastReportedDateTime: ['string'],
      userPrincipalName: ['string', 'null'],
    });
  });

  it('lists the entity properties every returned status carries', () => {
    expect(REQUIRED_ENTITY_PROPERTIES).toEqual(['id', ...REQUIRED_REQUEST_PROPERTIES]);
  });

  it('agrees with the validator: the sample body is valid, and each required property is needed', () => {
    expect(listIssues('request', SAMPLE_CREATE_REQUEST)).toEqual([]);
    for (const property of REQUIRED_REQUEST_PROPERTIES) {
      const { [property]: _dropped, ...rest } = SAMPLE_CREATE_REQUEST;
      expect(listIssues('request', rest).map((issue) => issue.rule)).toEqual(['required']);
    }
    for (const property of REQUEST_PROPERTIES) {
      const wrong = REQUEST_PROPERTY_TYPES[property].includes('integer') ? 'x' : 1;
      expect(listIssues('request', { ...SAMPLE_CREATE_REQUEST, [property]: wrong })).not.toEqual(
        [],
      );
    }
  });
});
