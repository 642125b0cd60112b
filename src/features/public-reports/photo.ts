import sharp from 'sharp';
import { AppError } from '../../domain/errors.js';
import { PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, PHOTO_THUMB_EDGE } from '../../domain/public-reports.js';

/** A photo as stored: re-encoded JPEG without any metadata, and its thumbnail. */
export interface ProcessedPhoto {
  image: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

const ACCEPTED = new Set(['jpeg', 'png']);
// About 50 megapixels: above any phone camera, below what a crafted image could make us decode.
const MAX_INPUT_PIXELS = 50_000_000;

export const photoTypeError = (format?: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    details: [{ path: 'photo', code: format === 'heif' ? 'heic_not_supported' : 'not_a_photo', message: format ?? '' }],
    messages:
      format === 'heif'
        ? {
            sv: 'HEIC-bilder kan inte tas emot än. Spara bilden som JPEG (på iPhone: Inställningar › Kamera › Format › Mest kompatibel) och försök igen.',
            en: 'HEIC images cannot be received yet. Save the picture as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible) and try again.',
          }
        : { sv: 'Fotot måste vara en JPEG- eller PNG-bild.', en: 'The photo must be a JPEG or PNG image.' },
  });

export const photoTooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', {
    details: [{ path: 'photo', code: 'too_large', message: `at most ${PHOTO_MAX_BYTES} bytes` }],
    messages: { sv: 'Fotot får vara högst 10 MB.', en: 'The photo may be at most 10 MB.' },
  });

/**
 * Reads a resident's photo from its content (the declared type and name are not trusted), turns it upright
 * by its EXIF orientation, shrinks it to at most PHOTO_MAX_EDGE px and re-encodes it as JPEG with no metadata
 * at all: EXIF (GPS position, camera, time), XMP and ICC are dropped, so a photo never says more than the
 * report does. The report's point is the one the resident chose on the map, never one read from the photo.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > PHOTO_MAX_BYTES) throw photoTooLarge();
  const meta = await sharp(input)
    .metadata()
    .catch(() => {
      throw photoTypeError();
    });
  if (!meta.format || !ACCEPTED.has(meta.format)) throw photoTypeError(meta.format);
  const upright = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  try {
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
