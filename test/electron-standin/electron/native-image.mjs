// nativeImage (docs/api/native-image.md): enough to carry an icon around. Sizes come from the PNG
// header; pixels are never decoded (nothing here draws).
import { readFileSync } from 'node:fs';
import { guard, pngSize } from './runtime.mjs';

export class NativeImage {
  constructor(buffer, path = null, size = null) {
    this._buffer = buffer;
    this._path = path;
    this._size = size ?? (buffer.length ? pngSize(buffer) : null) ?? { width: 0, height: 0 };
    this._template = false;
    return guard('NativeImage', this);
  }
  isEmpty() { return this._buffer.length === 0; }
  getSize() { return { ...this._size }; }
  getAspectRatio() { return this._size.height ? this._size.width / this._size.height : 1; }
  toPNG() { return Buffer.from(this._buffer); }
  toDataURL() { return `data:image/png;base64,${this._buffer.toString('base64')}`; }
  setTemplateImage(flag) { this._template = !!flag; }
  isTemplateImage() { return this._template; }
  resize({ width, height }) {
    const w = width ?? Math.round((height ?? this._size.height) * this.getAspectRatio());
    const h = height ?? Math.round(w / this.getAspectRatio());
    return new NativeImage(this._buffer, this._path, { width: w, height: h });
  }
  /** For the driver: where the image came from. */
  _describe() { return { path: this._path, empty: this.isEmpty(), size: this.getSize() }; }
}

/** docs: a path that cannot be read gives an empty image, not an error. */
function createFromPath(path) {
  try {
    const buffer = readFileSync(path);
    return pngSize(buffer) ? new NativeImage(buffer, path) : new NativeImage(Buffer.alloc(0), path);
  } catch {
    return new NativeImage(Buffer.alloc(0), path);
  }
}

export const nativeImage = guard('nativeImage', {
  createFromPath,
  createEmpty: () => new NativeImage(Buffer.alloc(0)),
  createFromBuffer: (buffer) => new NativeImage(Buffer.from(buffer)),
  createFromDataURL: (url) => new NativeImage(Buffer.from(String(url).split(',')[1] ?? '', 'base64')),
});

/** What Tray/Notification accept: a path or a NativeImage. */
export function toImage(image) {
  if (image instanceof NativeImage) return image;
  if (typeof image === 'string') return createFromPath(image);
  if (image && typeof image._describe === 'function') return image;
  throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(image));
}
