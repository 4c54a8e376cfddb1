import { expect } from 'chai';

import { TRIGGER, hasTrigger } from '../../src/scan/prefilter.js';

const SAMPLES = [
  'password', 'PASSWORD', 'Passwd', 'sf_password', 'SF_PASS=x', 'sf.pass = y', 'my-pass\n', 'pass', 'bypass',
  'passing', 'compass', 'pwd', 'PWD', 'security_token', 'SECURITY-TOKEN', 'securityToken', 'security token',
  'grant_type', 'GRANT_TYPE', 'simple_salesforce', 'from simple_salesforce import', 'conn.login(', 'login (user',
  'loginBySoap(', 'LoginAsync(', 'login', 'logging(', 'xpassx', '_passx', '.pass_', '-pass.', 'nothing here',
];

describe('scan prefilter', () => {
  for (const sample of SAMPLES) {
    it(`agrees with TRIGGER on ${JSON.stringify(sample)}`, () => {
      expect(hasTrigger(sample)).to.equal(TRIGGER.test(sample));
    });
  }
});
