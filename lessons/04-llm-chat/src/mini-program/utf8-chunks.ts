// Text from byte chunks that may end inside a character (a Chinese character
// is 3 bytes in UTF-8, an emoji 4). TextDecoder with { stream: true } keeps the
// unfinished bytes for the next chunk; where a runtime has no TextDecoder, the
// fallback does the same by hand: decode only whole characters, keep the rest.

export interface Utf8Chunks {
  decode(bytes: Uint8Array): string;
}

/** How many bytes the character starting with this byte takes (1 for a stray continuation byte). */
const lengthOf = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);

// #region utf8-chunks
/** `native`: the runtime's TextDecoder, or null where it has none (a test passes null to use the fallback). */
export function createUtf8Chunks(
  native: typeof TextDecoder | null = globalThis.TextDecoder ?? null,
): Utf8Chunks {
  if (native) {
    const decoder = new native("utf-8");
    return { decode: (bytes) => decoder.decode(bytes, { stream: true }) };
  }
  let held = new Uint8Array(0); // the first bytes of a character still arriving
  return {
    decode(bytes) {
      const all = new Uint8Array(held.length + bytes.length);
      all.set(held);
      all.set(bytes, held.length);
      // The last character's first byte is the last one not shaped 10xxxxxx (at most 3 back).
      let last = all.length - 1;
      while (last > 0 && all.length - last < 4 && ((all[last] ?? 0) & 0xc0) === 0x80) last--;
      const whole = last >= 0 && last + lengthOf(all[last] ?? 0) > all.length ? last : all.length;
      held = all.slice(whole); // kept for the next chunk
      return decodeWhole(all.subarray(0, whole));
    },
  };
}
// #endregion

/** Whole characters: each byte percent-encoded, and decodeURIComponent joins them. */
function decodeWhole(bytes: Uint8Array): string {
  let encoded = "";
  for (const byte of bytes) encoded += `%${byte.toString(16).padStart(2, "0")}`;
  try {
    return decodeURIComponent(encoded);
  } catch {
    // Not UTF-8 at all: show each non-ASCII byte as U+FFFD, as TextDecoder would, rather than throw.
    return Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : "\uFFFD")).join("");
  }
}
