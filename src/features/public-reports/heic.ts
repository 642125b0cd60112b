import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A decoded image: RGBA pixels, four bytes each, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

// heic-decode ships libheif compiled to WebAssembly (HEVC included), which sharp's prebuilt libvips lacks.
const decoderPath = createRequire(import.meta.url).resolve('heic-decode');

// Runs in a worker thread: a phone photo takes seconds of synchronous WebAssembly, which on the main
// thread would stall every other request. libheif applies the image's rotation and mirroring itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.decoderPath)({ buffer: workerData.input }).then(
  ({ width, height, data }) => parentPort.postMessage({ width, height, data }, [data.buffer]),
  (error) => parentPort.postMessage({ error: String(error && error.message) }),
);
`;

function decodeInWorker(input: Buffer): Promise<RgbaImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { decoderPath, input },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    worker.once('message', (message: RgbaImage | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve({ width: message.width, height: message.height, data: new Uint8Array(message.data) });
    });
    worker.once('error', reject);
  });
}

// One decode at a time: each holds a full-size RGBA copy of the photo (about 50 MB for 12 megapixels).
let queue: Promise<unknown> = Promise.resolve();

/** Decodes an HEVC-coded HEIF (an iPhone's HEIC photo) to RGBA pixels, off the main thread, one at a time. */
export function decodeHeic(input: Buffer): Promise<RgbaImage> {
  const decoded = queue.then(() => decodeInWorker(input));
  queue = decoded.catch(() => undefined);
  return decoded;
}
