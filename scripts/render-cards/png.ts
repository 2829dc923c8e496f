/** The size of a PNG from its IHDR chunk (the first chunk, right after the 8-byte signature). */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPngSize(buf: Uint8Array): { width: number; height: number } {
  if (buf.length < 24 || SIGNATURE.some((b, i) => buf[i] !== b)) throw new Error('not a PNG (bad signature)');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const type = String.fromCharCode(buf[12]!, buf[13]!, buf[14]!, buf[15]!);
  if (type !== 'IHDR') throw new Error(`not a PNG (first chunk is ${JSON.stringify(type)}, not IHDR)`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
