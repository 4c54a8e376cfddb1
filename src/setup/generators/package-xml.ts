import { escapeXml } from '../xml-writer.js';
import { METADATA_NAMESPACE } from '../metadata-types.js';
import type { GeneratedComponent } from './component.js';

/**
 * package.xml listing every component by name, types in the order given,
 * for `sf project deploy start --manifest`.
 */
export function generatePackageXml(components: readonly GeneratedComponent[], apiVersion: string): string {
  const members = new Map<string, string[]>();
  for (const component of components) {
    const list = members.get(component.type.name) ?? [];
    list.push(component.member);
    members.set(component.type.name, list);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<Package xmlns="${METADATA_NAMESPACE}">`];
  for (const [typeName, names] of members) {
    lines.push('    <types>');
    for (const name of names) {
      lines.push(`        <members>${escapeXml(name)}</members>`);
    }
    lines.push(`        <name>${escapeXml(typeName)}</name>`, '    </types>');
  }
  lines.push(`    <version>${escapeXml(apiVersion)}</version>`, '</Package>');
  return `${lines.join('\n')}\n`;
}
