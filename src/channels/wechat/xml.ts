import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../errors.js';

/** The fields under `<xml>`: text values stay strings (MsgId is 64-bit), nested elements stay objects. */
export type XmlFields = Record<string, unknown>;

/** What a reply element holds: strings become CDATA, numbers plain text, objects nested elements. */
export type XmlValue = string | number | { [name: string]: XmlValue };

/** 64 KiB is far above any WeChat push; bigger bodies are not from WeChat. */
const DEFAULT_XML_LIMIT_BYTES = 64 * 1024;

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

const builder = new XMLBuilder({ cdataPropName: '__cdata', suppressEmptyNode: false });

/**
 * Parses an inbound WeChat body into the fields of its `<xml>` root. Oversized bodies, any DOCTYPE or
 * ENTITY declaration (checked before the parser sees the text), malformed XML and other roots throw.
 * @example parseXml('<xml><MsgId>24000000000000001</MsgId></xml>').MsgId // '24000000000000001'
 */
export function parseXml(body: string, limitBytes = DEFAULT_XML_LIMIT_BYTES): XmlFields {
  if (Buffer.byteLength(body, 'utf8') > limitBytes) {
    throw new AppError('too_large:wechat-xml', `WeChat XML body is larger than ${limitBytes} bytes.`);
  }
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(body)) {
    throw new AppError(
      'bad_request:wechat-xml',
      'WeChat XML must not contain a DOCTYPE or ENTITY declaration.',
    );
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new AppError('bad_request:wechat-xml', `WeChat XML is malformed: ${valid.err.msg}`);
  }
  const doc = parser.parse(body) as Record<string, unknown>;
  const roots = Object.keys(doc);
  const root = doc.xml;
  if (roots.length !== 1 || typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new AppError('bad_request:wechat-xml', 'WeChat XML must have a single <xml> root with fields.');
  }
  return root as XmlFields;
}

function toBuilderTree(value: XmlValue): unknown {
  if (typeof value === 'string') return { __cdata: value };
  if (typeof value === 'number') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toBuilderTree(v)]));
}

/**
 * Builds `<xml>…</xml>` for a reply; strings are wrapped in CDATA (a `]]>` inside is split safely).
 * @example buildXml({ MsgType: 'text', CreateTime: 1700000000 })
 * // '<xml><MsgType><![CDATA[text]]></MsgType><CreateTime>1700000000</CreateTime></xml>'
 */
export function buildXml(fields: Record<string, XmlValue>): string {
  return builder.build({ xml: toBuilderTree(fields) }) as string;
}
