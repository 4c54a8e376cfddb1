/** Reads the attributes of XML start tags without a full XML parser. */

export interface XmlAttribute {
  name: string;
  value: string;
  /** Offset of the value (inside the quotes) in the file. */
  valueOffset: number;
}

export interface XmlElement {
  /** Offset of the `<` in the file. */
  offset: number;
  attributes: XmlAttribute[];
}

// The look-behind starts names only at the beginning of a word, so a long word is read once.
const ATTRIBUTE = /(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Maximum length of a start tag read for attributes. */
const MAX_TAG_LENGTH = 8192;

/** Finds the start tags named by `tag` (a regex source such as `salesforce:basic-connection`). */
export function findElements(text: string, tag: string): XmlElement[] {
  const opening = new RegExp(`<(?:${tag})(?=[\\s/>])`, 'g');
  const elements: XmlElement[] = [];
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const body = startTag(text, match.index);
    const attributes: XmlAttribute[] = [];
    ATTRIBUTE.lastIndex = 0;
    for (let attribute = ATTRIBUTE.exec(body); attribute !== null; attribute = ATTRIBUTE.exec(body)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      const valueOffset = match.index + attribute.index + attribute[0].length - value.length - 1;
      attributes.push({ name: attribute[1] ?? '', value, valueOffset });
    }
    elements.push({ offset: match.index, attributes });
  }
  return elements;
}

/**
 * Returns the start tag opened at `offset`, up to its `>`. A `<` ends it too,
 * since attribute values cannot contain one, so tags left open are read once.
 */
function startTag(text: string, offset: number): string {
  const limit = Math.min(text.length, offset + MAX_TAG_LENGTH);
  let end = offset + 1;
  while (end < limit && text[end] !== '>' && text[end] !== '<') {
    end += 1;
  }
  return text.slice(offset, end);
}

/** Finds an attribute by name, ignoring case. */
export function attributeNamed(element: XmlElement, name: string): XmlAttribute | undefined {
  const lower = name.toLowerCase();
  return element.attributes.find((attribute) => attribute.name.toLowerCase() === lower);
}
