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

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Finds the start tags named by `tag` (a regex source such as `salesforce:basic-connection`). */
export function findElements(text: string, tag: string): XmlElement[] {
  const opening = new RegExp(`<(?:${tag})(?=[\\s/>])`, 'g');
  const elements: XmlElement[] = [];
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const close = text.indexOf('>', match.index);
    const end = close < 0 ? text.length : close;
    const body = text.slice(match.index, end);
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

/** Finds an attribute by name, ignoring case. */
export function attributeNamed(element: XmlElement, name: string): XmlAttribute | undefined {
  const lower = name.toLowerCase();
  return element.attributes.find((attribute) => attribute.name.toLowerCase() === lower);
}
