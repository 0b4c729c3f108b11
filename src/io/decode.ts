// Text files as Chinese Excel and WPS save them: UTF-8 with or without a BOM, UTF-16 ("Unicode
// text"), or GBK/GB18030 (the default "CSV" of Chinese Excel). The platform's TextDecoder does the
// decoding; no conversion tables are shipped.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];
export type EncodingChoice = 'auto' | TextEncodingName;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * A BOM says it; otherwise text that decodes as strict UTF-8 is UTF-8 (GBK text almost never
 * does: its lead bytes 0x81–0xFE are followed by bytes UTF-8 forbids); anything else is GB18030,
 * a superset of GBK and GB2312.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** The encoding was detected, not chosen by the person. */
  readonly detected: boolean;
}

/** Decode with the chosen encoding, or the detected one; a BOM is never part of the text. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (choice === 'auto' && !startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xfe, 0xff])) {
    // Detecting UTF-8 is decoding it strictly: keep that text rather than decode twice.
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', detected: true };
    } catch {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', detected: true };
    }
  }
  const encoding = choice === 'auto' ? detectEncoding(bytes) : choice;
  // Not fatal: a wrongly chosen encoding shows as replacement characters in the preview,
  // which is how the person sees that another choice is needed.
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, detected: choice === 'auto' };
}
