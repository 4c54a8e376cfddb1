import { expect } from 'chai';

import { splitArguments } from '../../src/scan/arguments.js';
import { salesforceSecretKind } from '../../src/scan/keys.js';
import { detectRole } from '../../src/scan/languages.js';
import { classifyConfigValue, classifyExpression } from '../../src/scan/values.js';

describe('scan value classification', () => {
  const expressions: Array<[string, string]> = [
    ['"S3cret!" + "TOKEN123"', 'literal'],
    ["'Winter2026!'", 'literal'],
    ['os.environ["SF_PASSWORD"] + os.environ["SF_TOKEN"]', 'reference'],
    ["getenv('SF_PASSWORD') . getenv('SF_SECURITY_TOKEN')", 'reference'],
    ['os.Getenv("SF_PASSWORD")+os.Getenv("SF_SECURITY_TOKEN")', 'reference'],
    ['process.env.SALESFORCE_PASSWORD', 'reference'],
    ['`${process.env.SF_PASSWORD}${process.env.SF_TOKEN}`', 'reference'],
    ["ENV['SALESFORCE_PASSWORD']", 'reference'],
    ['System.getenv("SF_PASSWORD")', 'reference'],
    ['settings.SF_PASSWORD', 'reference'],
    ['pass + securityToken', 'code'],
    ['creds["password"]', 'code'],
    ['password', 'code'],
    ['"changeme"', 'placeholder'],
    ["'<your password>'", 'placeholder'],
    ['""', 'placeholder'],
  ];
  for (const [expression, kind] of expressions) {
    it(`rates ${expression} as ${kind}`, () => {
      expect(classifyExpression(expression, 0).kind).to.equal(kind);
    });
  }

  it('spans the contents of literals', () => {
    const expression = 'x("S3cret!" + "TOKEN123")';
    const spans = classifyExpression(expression, 100).secrets;
    expect(spans.map((span) => expression.slice(span.start - 100, span.end - 100))).to.deep.equal(['S3cret!', 'TOKEN123']);
  });

  const values: Array<[string, string]> = [
    ['Passw0rdAndToken', 'literal'],
    ['"quoted value"', 'literal'],
    ['${SF_PASSWORD}', 'reference'],
    ['${{ secrets.SF_PASSWORD }}', 'reference'],
    ['{{password}}{{securityToken}}', 'reference'],
    ['$SF_PASSWORD$SF_SECURITY_TOKEN', 'reference'],
    ["#[p('secure::sfdc.password')]", 'reference'],
    ['changeme', 'placeholder'],
    ['REPLACE_ME', 'placeholder'],
    ['', 'placeholder'],
  ];
  for (const [value, kind] of values) {
    it(`rates config value ${value || '(empty)'} as ${kind}`, () => {
      expect(classifyConfigValue(value, 0).kind).to.equal(kind);
    });
  }

  it('spans a quoted config value without quotes', () => {
    expect(classifyConfigValue(' "abc def"', 10).secrets).to.deep.equal([{ start: 12, end: 19 }]);
  });
});

describe('scan setting names', () => {
  const names: Array<[string, string | undefined]> = [
    ['SF_PASSWORD', 'password'],
    ['SALESFORCE_SECURITY_TOKEN', 'security-token'],
    ['sfdc.password', 'password'],
    ['SalesforcePassword', 'password'],
    ['salesforce.security-token', 'security-token'],
    ['sfdc.proxyPassword', undefined],
    ['camel.component.salesforce.keystore.password', undefined],
    ['SF_JWT_KEY_PASSPHRASE', undefined],
    ['DB_PASSWORD', undefined],
    ['SF_CLIENT_SECRET', undefined],
    ['SF_TOKEN', undefined],
    ['password', undefined],
  ];
  for (const [name, kind] of names) {
    it(`reads ${name} as ${String(kind)}`, () => {
      expect(salesforceSecretKind(name)).to.equal(kind);
    });
  }

  it('accepts a bare name in Salesforce context', () => {
    expect(salesforceSecretKind('password', true)).to.equal('password');
  });
});

describe('scan argument splitting', () => {
  it('splits keywords across lines', () => {
    const text = 'Salesforce(\n  username="a, b",\n  password=get("x)"),  # note, here\n  domain="test",\n)';
    const list = splitArguments(text, text.indexOf('('), '#').arguments;
    expect(list.map((argument) => [argument.name, argument.value])).to.deep.equal([
      ['username', '"a, b"'],
      ['password', 'get("x)")'],
      ['domain', '"test"'],
    ]);
    expect(text.slice(list[1]?.valueOffset ?? 0).startsWith('get(')).to.equal(true);
  });

  it('reads positional and hash arguments', () => {
    const text = "f(user, 'pw' + token, :password => x, 'key' => 1)";
    const list = splitArguments(text, 1).arguments;
    expect(list.map((argument) => argument.name)).to.deep.equal([undefined, undefined, 'password', 'key']);
  });
});

describe('scan file roles', () => {
  const roles: Array<[string, string]> = [
    ['src/sync.py', 'code'],
    ['test/fixtures/login.py', 'test'],
    ['src/login.test.ts', 'test'],
    ['src/main/java/LoginTest.java', 'test'],
    ['tests/test_login.py', 'test'],
    ['README.md', 'docs'],
    ['docs/setup.sh', 'docs'],
  ];
  for (const [path, role] of roles) {
    it(`treats ${path} as ${role}`, () => {
      const language = path.endsWith('.md') ? 'docs' : 'other';
      expect(detectRole(path, language)).to.equal(role);
    });
  }
});
