import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../domain/errors.js';
import { PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, PHOTO_THUMB_EDGE } from '../../domain/public-reports.js';
import { decodeHeic } from './heic.js';

/** A photo as stored: re-encoded JPEG without any metadata, and its thumbnail. */
export interface ProcessedPhoto {
  image: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

const ACCEPTED = new Set(['jpeg', 'png', 'heif']);
// About 50 megapixels: above any phone camera, below what a crafted image could make us decode.
const MAX_INPUT_PIXELS = 50_000_000;

export const photoTypeError = (format?: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    details: [{ path: 'photo', code: 'not_a_photo', message: format ?? '' }],
    messages: {
      sv: 'Fotot måste vara en JPEG-, PNG- eller HEIC-bild.',
      en: 'The photo must be a JPEG, PNG or HEIC image.',
    },
  });

export const photoTooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', {
    details: [{ path: 'photo', code: 'too_large', message: `at most ${PHOTO_MAX_BYTES} bytes` }],
    messages: { sv: 'Fotot får vara högst 10 MB.', en: 'The photo may be at most 10 MB.' },
  });

/**
 * Reads a resident's photo from its content (the declared type and name are not trusted), turns it upright
 * by its EXIF orientation (a HEIC photo by its own rotation), shrinks it to at most PHOTO_MAX_EDGE px and
 * re-encodes it as JPEG with no metadata at all: EXIF (GPS position, camera, time), XMP and ICC are dropped,
 * so a photo never says more than the report does. The report's point is the one the resident chose on the
 * map, never one read from the photo.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > PHOTO_MAX_BYTES) throw photoTooLarge();
  const meta = await sharp(input)
    .metadata()
    .catch(() => {
      throw photoTypeError();
    });
  if (!meta.format || !ACCEPTED.has(meta.format)) throw photoTypeError(meta.format);
  try {
    const upright = await uprightSource(input, meta);
    const { data: image, info } = await upright()
      .resize(PHOTO_MAX_EDGE, PHOTO_MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright()
      .resize(PHOTO_THUMB_EDGE, PHOTO_THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    return { image, thumbnail, width: info.width, height: info.height };
  } catch {
    // A truncated or corrupt file, or one past the pixel limit: not a photo we can keep.
    throw photoTypeError();
  }
}

/** The photo as a sharp pipeline the right way up; HEVC-coded HEIF is decoded apart, as libvips here cannot. */
async function uprightSource(input: Buffer, meta: Metadata): Promise<() => Sharp> {
  if (meta.format !== 'heif' || meta.compression !== 'hevc') {
    return () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  }
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw photoTypeError();
  const { width, height, data } = await decodeHeic(input);
  return () => sharp(data, { raw: { width, height, channels: 4 } }).flatten({ background: '#ffffff' });
}
