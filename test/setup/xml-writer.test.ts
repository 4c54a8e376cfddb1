import { expect } from 'chai';

import { escapeXml, orderedNodes, renderMetadataDocument } from '../../src/setup/xml-writer.js';
import { childNames, childText, parseXml, rootOf } from './helpers.js';

describe('setup XML writer', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).to.equal('a &amp; b &lt; c &gt; d &quot; e &apos; f');
  });

  it('escapes an ampersand before the others', () => {
    expect(escapeXml('&lt;')).to.equal('&amp;lt;');
  });

  it('rejects characters XML 1.0 cannot carry', () => {
    expect(() => escapeXml('bell \u0007')).to.throw(TypeError);
    expect(() => escapeXml('lone \uD800 surrogate')).to.throw(TypeError);
  });

  it('keeps emoji and accented text', () => {
    expect(escapeXml('Café 🚀')).to.equal('Café 🚀');
  });

  it('orders fields by schema', () => {
    const nodes = orderedNodes({ label: 'L', contactEmail: 'e@example.com', description: undefined }, [
      'contactEmail',
      'description',
      'label',
    ]);
    expect(nodes.map((node) => node.name)).to.deep.equal(['contactEmail', 'label']);
  });

  it('repeats list items, skips empty lists', () => {
    const nodes = orderedNodes({ scopes: ['Api', 'Web'], profileName: [] }, ['profileName', 'scopes']);
    expect(nodes).to.deep.equal([
      { name: 'scopes', content: 'Api' },
      { name: 'scopes', content: 'Web' },
    ]);
  });

  it('raises a TypeError for a field outside the order', () => {
    expect(() => orderedNodes({ label: 'x', consumerSecret: 'y' }, ['label'])).to.throw(TypeError, /consumerSecret/);
  });

  it('renders nested elements that parse back', () => {
    const text = renderMetadataDocument('ConnectedApp', [
      { name: 'label', content: 'A & B' },
      { name: 'oauthConfig', content: { children: [{ name: 'isAdminApproved', content: true }] } },
    ]);
    const root = rootOf(parseXml(text));
    expect(childNames(root)).to.deep.equal(['label', 'oauthConfig']);
    expect(childText(root, 'label')).to.equal('A & B');
    expect(text).to.include('        <isAdminApproved>true</isAdminApproved>\n');
    expect(text.endsWith('</ConnectedApp>\n')).to.equal(true);
  });
});
