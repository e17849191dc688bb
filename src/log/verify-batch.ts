// Ed25519 signature checks in batches, for the audit workers (audit-worker.ts): a bundle's
// signatures are checked together (Bernstein et al., "High-speed high-security signatures", §5:
// one random linear combination of every signature's equation), about three times libsodium's
// rate one by one on the bench machine, because the curve work is shared across the batch
// (native/ed25519-batch.c). The verdicts are libsodium's:
//  - a batch that passes means every signature satisfies [S]B = R + [h]A (RFC 8032 §5.1.7, the
//    cofactorless equation libsodium checks), S < L, A and R canonical and not of small order;
//  - a batch that fails, or any input the batch cannot take, goes to libsodium one signature at a
//    time (verify-ed25519.ts), which gives each verdict.
// The one difference, and how large: the random multipliers z_i are 128-bit, so an invalid
// signature whose error has a component in the prime-order group passes a batch with probability
// about 2^-125; an error that is only a small-order point (a signature its key's own holder built
// to hold up to such a point, which no one else can build) escapes with probability at most 1/2
// per audit, where libsodium would refuse it always. Without the native core (no compiler when
// the package was built) everything goes to libsodium.
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { ed25519Verify } from './verify-ed25519.js';

export interface SignatureToCheck {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

interface Core {
  /** 1: sum(s_i P_i) is the identity; 0: not; -1 - i: point i unusable. */
  msm(points: Uint8Array, scalars: Uint8Array): number;
}

/** The group order of edwards25519's prime-order subgroup (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** The base point's encoding (RFC 8032 §5.1). */
const BASE = Buffer.from('5866666666666666666666666666666666666666666666666666666666666666', 'hex');
/** Fewer signatures than this go to libsodium directly (the batch's fixed cost dominates). */
const MIN_BATCH = 4;

function loadCore(): Core | undefined {
  try {
    // Built by native/build.mjs beside the compiled JavaScript (dist/native), whether this module
    // runs as dist/log/*.js or under tsx as src/log/*.ts.
    const core = createRequire(import.meta.url)(
      '../../dist/native/ed25519-batch.node',
    ) as Partial<Core>;
    return typeof core.msm === 'function' ? (core as Core) : undefined;
  } catch {
    return undefined;
  }
}

const core = loadCore();

/** 'batch' when the native core loaded, else 'libsodium' one by one (or node:crypto). */
export const BATCH_IMPLEMENTATION: 'batch' | 'one by one' = core ? 'batch' : 'one by one';

/** A little-endian byte string as an integer. */
function int(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);
}

/** An integer below 2^256 as 32 little-endian bytes. */
function le32(x: bigint): Buffer {
  return Buffer.from(x.toString(16).padStart(64, '0'), 'hex').reverse();
}

/**
 * Whether every signature holds (see the file's head for how exact "every" is); false also when
 * the batch cannot tell (then check them one by one). Inputs are attacker-controlled.
 */
export function batchHolds(checks: readonly SignatureToCheck[]): boolean {
  if (!core) return false;
  const n = checks.length;
  const zs = randomBytes(16 * n);
  // Points: each R, then each distinct key, then the base point.
  const points = Buffer.alloc(32 * (2 * n + 1));
  const scalars = Buffer.alloc(points.length);
  const keys = new Map<string, { publicKey: Uint8Array; a: bigint }>();
  const byArray = new Map<Uint8Array, { publicKey: Uint8Array; a: bigint }>();
  let zs_S = 0n;
  for (let i = 0; i < n; i++) {
    const { publicKey, message, signature } = checks[i]!;
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const R = signature.subarray(0, 32);
    const S = int(signature.subarray(32));
    if (S >= L) return false; // libsodium refuses a non-canonical S
    // h is reduced once a key, in the sum (z h mod L is what the equation needs).
    const h = int(createHash('sha512').update(R).update(publicKey).update(message).digest());
    const z = zs.readBigUInt64LE(16 * i) | (zs.readBigUInt64LE(16 * i + 8) << 64n);
    zs_S += z * S;
    // The workers pass one array per key, so most lookups are by identity.
    const key = byArray.get(publicKey) ?? keys.get(Buffer.from(publicKey).toString('latin1'));
    if (key) key.a += z * h;
    else {
      const k = { publicKey, a: z * h };
      keys.set(Buffer.from(publicKey).toString('latin1'), k);
      byArray.set(publicKey, k);
    }
    points.set(R, 32 * i);
    scalars.set(zs.subarray(16 * i, 16 * i + 16), 32 * i);
  }
  let m = n;
  for (const { publicKey, a } of keys.values()) {
    points.set(publicKey, 32 * m);
    scalars.set(le32(a % L), 32 * m);
    m++;
  }
  points.set(BASE, 32 * m);
  scalars.set(le32((L - (zs_S % L)) % L), 32 * m);
  m++;
  return core.msm(points.subarray(0, 32 * m), scalars.subarray(0, 32 * m)) === 1;
}

/** Each signature's verdict, as libsodium gives it (verify-ed25519.ts), a batch at a time. */
/** libsodium's verdict for each signature, one by one: the audit's default (exact). */
export function verifyOneByOne(checks: readonly SignatureToCheck[]): boolean[] {
  return checks.map((c) => ed25519Verify(c.publicKey, c.message, c.signature));
}

export function verifyEach(checks: readonly SignatureToCheck[]): boolean[] {
  if (checks.length >= MIN_BATCH && batchHolds(checks)) return checks.map(() => true);
  return checks.map((c) => ed25519Verify(c.publicKey, c.message, c.signature));
}
