// Reads a QR code out of a PNG screenshot, as a phone camera would.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function decodeQr(pngBuffer) {
  const image = PNG.sync.read(pngBuffer);
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width, image.height);
  return code?.data ?? null;
}
