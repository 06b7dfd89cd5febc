// TwiML documents as a small tree, read with fast-xml-parser (order preserved, attributes as strings).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  children: TwimlNode[];
  /** The element's own text (trimmed), e.g. the words of a <Say> or the number of a bare <Dial>. */
  text: string;
}

export class TwimlError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Raw = Record<string, unknown>;

function toNode(raw: Raw): TwimlNode | null {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '#comment') return null;
  const kids = (raw[name] as Raw[]) ?? [];
  const attrs = Object.fromEntries(Object.entries((raw[':@'] as Raw) ?? {}).map(([k, v]) => [k, String(v)]));
  const text = kids
    .filter((k) => '#text' in k)
    .map((k) => String(k['#text']))
    .join(' ')
    .trim();
  return { name, attrs, text, children: kids.map(toNode).filter((n): n is TwimlNode => n !== null) };
}

/** Parses a TwiML document and returns its <Response> root; throws TwimlError (Twilio's 12100) if it is not one. */
export function parseTwiml(xml: string): TwimlNode {
  if (!xml.trim()) throw new TwimlError('empty document');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new TwimlError(`not XML: ${valid.err.msg} (line ${valid.err.line})`);
  const roots = (parser.parse(xml) as Raw[]).map(toNode).filter((n): n is TwimlNode => n !== null);
  const root = roots[0];
  if (!root || root.name !== 'Response') throw new TwimlError(`root element is <${root?.name ?? '?'}>, not <Response>`);
  return root;
}

/** The texts of the <Message> verbs of a messaging TwiML reply (<Message>text</Message> or <Message><Body>text</Body></Message>). */
export function messageReplies(xml: string): string[] {
  if (!xml.trim()) return [];
  return parseTwiml(xml)
    .children.filter((n) => n.name === 'Message')
    .map((m) => {
      const body = m.children.find((c) => c.name === 'Body');
      return body ? body.text : m.text;
    });
}

export const num = (v: string | undefined, dflt: number): number => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : dflt;
};

/** Rough speaking time of a <Say>, in simulated seconds. */
export const speechSeconds = (text: string) => Math.max(1, Math.ceil(text.length / 14));

/** All text inside a node, SSML children (<prosody>, <break>...) included. */
export const deepText = (n: TwimlNode): string =>
  [n.text, ...n.children.map(deepText)].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();

/** The HTTP method a verb asks for (method attribute), POST by default. */
export const methodOf = (a: Record<string, string>): 'GET' | 'POST' =>
  a.method?.toUpperCase() === 'GET' ? 'GET' : 'POST';
