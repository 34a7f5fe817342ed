// Gzip for cached pages without compressing them on every request. A cached page is a few fixed
// pieces with a per-response CSP nonce between them. Each piece is deflated once, ending on a
// byte boundary without the final-block bit (a sync flush), so deflate blocks from separate
// streams can follow one another: a piece never refers back past its own start. Per response only
// the nonce is added, as a stored (uncompressed) block, and the gzip trailer's CRC-32 is computed.
// Compressing a 150 KB page costs milliseconds; this costs a CRC pass over it.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** A gzip member header: deflate, no name, no mtime, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** An empty final block with fixed codes: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** CRC-32 continued over `data`. Empty data is skipped: Node 20's crc32 can answer 0 for it. */
function continueCrc(data: Buffer, crc: number): number {
  return data.length ? crc32(data, crc) : crc;
}

/** Deflates one piece of a page so that other blocks may follow it. */
export function deflatePiece(piece: Buffer): Buffer {
  return deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH });
}

/** A stored block holding `bytes` as they are (at most 65,535 bytes: a nonce is 24). */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header[0] = 0x00; // not final, stored; the rest of the byte is padding
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/**
 * The gzip body of `plainPieces` joined by `nonce`, built from the same pieces deflated by
 * deflatePiece (same order). Returned as chunks to write in order.
 */
export function gzipWithNonce(plainPieces: Buffer[], deflatedPieces: Buffer[], nonce: string): Buffer[] {
  const nonceBytes = Buffer.from(nonce, "latin1");
  const nonceBlock = storedBlock(nonceBytes);
  const chunks: Buffer[] = [GZIP_HEADER, deflatedPieces[0]];
  let crc = continueCrc(plainPieces[0], 0);
  let size = plainPieces[0].length;
  for (let i = 1; i < plainPieces.length; i++) {
    chunks.push(nonceBlock, deflatedPieces[i]);
    crc = continueCrc(plainPieces[i], continueCrc(nonceBytes, crc));
    size += nonceBytes.length + plainPieces[i].length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return chunks;
}
