import sharp from 'sharp';

/**
 * A phone's photo: a JPEG of one colour that carries its camera (`make`) and a GPS position in EXIF, the
 * metadata an upload must lose.
 */
export function photoWithGps(options: { width: number; height: number; make: string }): Promise<Buffer> {
  return sharp({
    create: { width: options.width, height: options.height, channels: 3, background: { r: 200, g: 80, b: 40 } },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: options.make },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 16/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '18/1 1/1 0/1',
      },
    })
    .toBuffer();
}
