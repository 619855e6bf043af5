// UTF-8 as it arrives: characters of several bytes whose bytes are split across
// two reads (harmless for a client that decodes with { stream: true }, garbled
// for one that decodes each read alone), and bytes that are not UTF-8 at all.

/** Does this read end partway through a multi-byte character? */
export function endsInsideCharacter(bytes: Uint8Array): boolean {
  // Walk back over continuation bytes (10xxxxxx) to the lead byte: at most 3.
  for (let i = bytes.length - 1, seen = 1; i >= 0 && seen <= 4; i--, seen++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > seen;
  }
  return false;
}

/** Characters of more than one byte that begin in this read (their lead bytes: 11xxxxxx). */
export function multiByteCharacters(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte >= 0xc0) count++;
  return count;
}

export interface Utf8Tally {
  add(bytes: Uint8Array): void;
  /** The body ended: a character cut off at the very end is invalid too. */
  finish(): void;
  readonly multiByte: number;
  /** Reads that ended inside a character. */
  readonly splitReads: number;
  readonly invalid: boolean;
}

export function createUtf8Tally(): Utf8Tally {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let multiByte = 0;
  let splitReads = 0;
  let invalid = false;
  const decode = (bytes?: Uint8Array) => {
    if (invalid) return;
    try {
      strict.decode(bytes, { stream: bytes !== undefined });
    } catch {
      invalid = true;
    }
  };
  return {
    add(bytes) {
      multiByte += multiByteCharacters(bytes);
      if (endsInsideCharacter(bytes)) splitReads++;
      decode(bytes);
    },
    finish: () => decode(),
    get multiByte() {
      return multiByte;
    },
    get splitReads() {
      return splitReads;
    },
    get invalid() {
      return invalid;
    },
  };
}
