import type { AppSettings } from '../model.js';
import type { MetadataType } from '../metadata-types.js';
import { renderMetadataDocument, orderedNodes, type XmlContent } from '../xml-writer.js';

/** One metadata component as a source-format file. */
export interface GeneratedComponent {
  type: MetadataType;
  /** The component's fullName, as listed in package.xml. */
  member: string;
  /** Path under the source folder, with `/` separators. */
  relativePath: string;
  content: string;
}

/** Renders one component of `type` from `fields`, in the type's element order. */
export function renderComponent(
  type: MetadataType,
  member: string,
  fields: Readonly<Record<string, XmlContent | undefined>>,
): GeneratedComponent {
  return {
    type,
    member,
    relativePath: `${type.folder}/${member}${type.suffix}`,
    content: renderMetadataDocument(type.name, orderedNodes(fields, type.elementOrder)),
  };
}

/**
 * Returns the text of the app's `certificate` element: the PEM block, or
 * with the `body` format only its base64 content on one line.
 */
export function certificateText(settings: AppSettings): string {
  const pem = settings.certificatePem.trim();
  if (settings.certificateFormat === 'pem') {
    return pem;
  }
  return pem
    .replace(/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
}
