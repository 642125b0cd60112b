import { PHOTO_MAX_BYTES } from '../../domain/public-reports.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'];
// Some browsers give a phone's HEIC file no type at all: its name says what it is.
const HEIC_NAME = /\.hei[cf]$/i;

/** The file input's `accept`: the photo kinds the server takes (JPEG, PNG and a phone's HEIC). */
export const PHOTO_ACCEPT = [...PHOTO_TYPES, '.heic', '.heif'].join(',');

/** Why a chosen photo cannot be sent, checked when chosen; the server reads the content again. */
export function photoFileProblem(file: File): 'wrongType' | 'tooLarge' | undefined {
  const known = PHOTO_TYPES.includes(file.type) || (file.type === '' && HEIC_NAME.test(file.name));
  if (!known) return 'wrongType';
  return file.size > PHOTO_MAX_BYTES ? 'tooLarge' : undefined;
}
