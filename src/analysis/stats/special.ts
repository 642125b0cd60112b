/**
 * Special functions behind the tests and intervals: log-gamma, the regularised incomplete gamma and beta
 * functions, the normal distribution and gamma / chi-square quantiles. Written here rather than pulled from
 * a package because each is a few lines of textbook numerics (Numerical Recipes 3rd ed. §6.1–6.4,
 * Acklam's normal quantile) and the known-answer tests in special.test.ts pin them to published tables.
 */

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITER = 10_000;

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0.
 * @example lnGamma(5) // ≈ Math.log(24)
 */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a); the chi-square CDF is P(df/2, x/2).
 * @example regularizedGammaP(1, 1) // 1 − e⁻¹ ≈ 0.632121
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly so small tails keep
 * their relative precision.
 * @example regularizedGammaQ(1, 1) // e⁻¹ ≈ 0.367879
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITER; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

// Modified Lentz evaluation of the continued fraction for Q(a, x) (NR 6.2.7).
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/**
 * Regularised incomplete beta I_x(a, b); binomial tails are P(X ≥ k) = I_p(k, n − k + 1).
 * @example regularizedBeta(0.5, 2, 2) // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast only on the side of the mean; use the symmetry otherwise.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Upper tail of the standard normal, 1 − Φ(z), accurate far into the tail (via Q(½, z²/2) = erfc(z/√2)).
 * @example normalSurvival(1.959963985) // ≈ 0.025
 */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const half = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? half : 1 - half;
}

/**
 * Standard normal CDF Φ(z).
 * @example normalCdf(1.96) // ≈ 0.9750021
 */
export function normalCdf(z: number): number {
  return normalSurvival(-z);
}

const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coeffs: number[], x: number): number {
  let r = 0;
  for (const c of coeffs) r = r * x + c;
  return r;
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) refined by one
 * Halley step against `normalCdf`, which brings it to double precision.
 * @example normalQuantile(0.975) // ≈ 1.959964
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(ACKLAM_C, q) / (poly(ACKLAM_D, q) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(ACKLAM_A, r) * q) / (poly(ACKLAM_B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -poly(ACKLAM_C, q) / (poly(ACKLAM_D, q) * q + 1);
  }
  // Work on the smaller tail so the residual keeps its relative precision.
  const e = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSurvival(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * Quantile of the gamma distribution with shape a and scale 1: the x with P(a, x) = p. Newton steps kept
 * inside a bisection bracket, so it cannot diverge.
 * @example gammaQuantile(0.975, 1) // −ln 0.025 ≈ 3.688879
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Residual on the smaller tail: P − p below the median, (1 − p) − Q above; both rise with x.
  const upper = p > 0.5;
  const residual = (x: number) => (upper ? 1 - p - regularizedGammaQ(a, x) : regularizedGammaP(a, x) - p);
  const z = normalQuantile(p);
  let x = a < 1 ? Math.exp((Math.log(p) + lnGamma(a + 1)) / a) : a * (1 - 1 / (9 * a) + z / (3 * Math.sqrt(a))) ** 3;
  if (!(x > 0) || !Number.isFinite(x)) x = a;
  let lo = 0;
  let hi = x;
  while (residual(hi) < 0) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const r = residual(x);
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - lnGamma(a));
    let next = x - r / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next;
  }
  return x;
}

/**
 * Quantile of the chi-square distribution with df degrees of freedom: 2 × gamma quantile with shape df/2.
 * @example chiSquareQuantile(0.975, 2) // ≈ 7.377759
 */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

function checkDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
}

/**
 * Two-sided tail of Student's t with df degrees of freedom, P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½).
 * @example studentTTwoSided(2.228139, 10) // ≈ 0.05
 */
export function studentTTwoSided(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Student's t CDF P(T ≤ t).
 * @example studentTCdf(0, 7) // 0.5
 */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSided(t, df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Quantile of Student's t with df degrees of freedom: Newton steps on the smaller tail, kept inside a
 * bisection bracket so it cannot diverge.
 * @example studentTQuantile(0.975, 10) // ≈ 2.228139
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve P(|T| ≥ x) = 2·min(p, 1 − p) for x > 0, then give it p's sign.
  const target = 2 * Math.min(p, 1 - p);
  const sign = p > 0.5 ? 1 : -1;
  const logDensityConstant = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let lo = 0;
  let hi = Math.max(1, Math.abs(normalQuantile(target / 2)));
  while (studentTTwoSided(hi, df) > target) hi *= 2;
  let x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const r = studentTTwoSided(x, df) - target; // falls as x rises
    if (r === 0) break;
    if (r > 0) lo = x;
    else hi = x;
    const density = Math.exp(logDensityConstant - ((df + 1) / 2) * Math.log1p((x * x) / df));
    let next = x + r / (2 * density);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) {
      x = next;
      break;
    }
    x = next;
  }
  return sign * x;
}
