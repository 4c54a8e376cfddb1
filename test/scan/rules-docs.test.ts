import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { RULES } from '../../src/scan/rules/index.js';
import { repositoryRoot } from '../helpers/fixtures.js';

const rulesDoc = readFileSync(join(repositoryRoot, 'docs', 'rules.md'), 'utf8');

/** Sections of docs/rules.md whose heading is a rule id, keyed by id. */
function ruleSections(): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = rulesDoc.split(/^## /m).slice(1);
  for (const part of parts) {
    const [heading = '', ...body] = part.split('\n');
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(heading)) {
      sections.set(heading, body.join('\n'));
    }
  }
  return sections;
}

describe('scan rule docs', () => {
  const sections = ruleSections();

  it('has one section per rule id', () => {
    expect([...sections.keys()].sort()).to.deep.equal(RULES.map((rule) => rule.id).sort());
  });

  it('keeps rule ids unique', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).to.equal(RULES.length);
  });

  for (const rule of RULES) {
    it(`documents ${rule.id}`, () => {
      const section = sections.get(rule.id) ?? '';
      expect(section).to.include(`Mechanism: ${rule.mechanism}`);
      expect(section).to.include('Replace with:');
    });
  }
});
