/**
 * A seeded uniform generator for resampling tests, so that the same data and seed give the same answer on
 * every machine. xoroshiro128+ (pure-rand) seeded with neighbouring integers starts with nearly equal outputs
 * (seeds 0…9 all begin near 0.99999), so the seed is hashed first (MurmurHash3's 32-bit finaliser) and the
 * first outputs are dropped.
 */
import { xoroshiro128plus } from 'pure-rand';

const TWO_POW_32 = 4_294_967_296;

/**
 * Uniform numbers in [0, 1) with 53 random bits, from an integer seed.
 * @example const next = seededUniform(7); next(); // the same value for seed 7 every time
 */
export function seededUniform(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let h = seed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  const gen = xoroshiro128plus((h ^ (h >>> 16)) | 0);
  for (let i = 0; i < 20; i++) gen.unsafeNext();
  return () => ((gen.unsafeNext() >>> 0) * TWO_POW_32 + (gen.unsafeNext() >>> 0)) / TWO_POW_32 ** 2;
}
