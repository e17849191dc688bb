// Ed25519 batch verification's core for the audit workers (src/log/verify-batch.ts): whether
// sum(s_i * P_i) is the identity on edwards25519, for points given as canonical encodings and
// 256-bit scalars. verify-batch.ts builds the sum of a batch of signatures — z_i * R_i,
// (sum z_i h_i) * A for each key, -(sum z_i S_i) * B, with secret random 128-bit z_i — so that it
// is the identity when every signature satisfies RFC 8032's equation [S]B = R + [h]A, and
// otherwise (but with probability about 2^-125) not. Any failure sends the batch to libsodium, one
// signature at a time, for the exact verdicts; this code only ever says "all good" faster.
//
// Why here and not libsodium: libsodium checks one signature at a time (a double scalar
// multiplication each, ~50 µs on the bench machine); a batch shares the doublings across all its
// points (Pippenger's bucket method), ~16 µs a signature with the hashing (bench/verify.bench.ts).
// libsodium exposes no multi-scalar multiplication, hence this file.
//
// Arithmetic: GF(2^255 - 19) in five 51-bit limbs (as in libsodium's and donna's 64-bit code),
// extended twisted Edwards coordinates (Hisil–Wong–Carter–Dawson 2008: add-2008-hwcd-3,
// dbl-2008-hwcd, complete for a = -1 on this curve), decoding as RFC 8032 §5.1.3 with the
// canonical checks (y < p, no negative zero). Points of small order are refused, as libsodium
// refuses them in keys and R. Not constant-time: it verifies public data only.
// Built by src/log/native/build.mjs into dist/native/ed25519-batch.node (N-API, no node-gyp).
#include <node_api.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

typedef uint64_t fe[5];
typedef unsigned __int128 u128;
#define M51 ((1ULL << 51) - 1)

static const fe FE_D = {0x34dca135978a3ULL, 0x1a8283b156ebdULL, 0x5e7a26001c029ULL, 0x739c663a03cbbULL, 0x52036cee2b6ffULL};
static const fe FE_D2 = {0x69b9426b2f159ULL, 0x35050762add7aULL, 0x3cf44c0038052ULL, 0x6738cc7407977ULL, 0x2406d9dc56dffULL};
static const fe FE_SQRTM1 = {0x61b274a0ea0b0ULL, 0xd5a5fc8f189dULL, 0x7ef5e9cbd0c60ULL, 0x78595a6804c9eULL, 0x2b8324804fc1dULL};

static inline uint64_t load64(const uint8_t *s) {
  uint64_t r;
  memcpy(&r, s, 8);
  return r;  // little-endian host (x86_64, arm64)
}

static inline void fe_copy(fe h, const fe f) { memcpy(h, f, sizeof(fe)); }
static inline void fe_0(fe h) { memset(h, 0, sizeof(fe)); }
static inline void fe_1(fe h) { fe_0(h); h[0] = 1; }

static inline void fe_carry(fe h) {
  uint64_t c;
  c = h[0] >> 51; h[0] &= M51; h[1] += c;
  c = h[1] >> 51; h[1] &= M51; h[2] += c;
  c = h[2] >> 51; h[2] &= M51; h[3] += c;
  c = h[3] >> 51; h[3] &= M51; h[4] += c;
  c = h[4] >> 51; h[4] &= M51; h[0] += c * 19;
}

static inline void fe_add(fe h, const fe f, const fe g) {
  for (int i = 0; i < 5; i++) h[i] = f[i] + g[i];
  fe_carry(h);
}

// h = f - g, inputs with limbs below 2^52 (after fe_carry they are below 2^51 + 2^13ish).
static inline void fe_sub(fe h, const fe f, const fe g) {
  h[0] = f[0] + 0x1FFFFFFFFFFFB4ULL - g[0];
  h[1] = f[1] + 0x1FFFFFFFFFFFFCULL - g[1];
  h[2] = f[2] + 0x1FFFFFFFFFFFFCULL - g[2];
  h[3] = f[3] + 0x1FFFFFFFFFFFFCULL - g[3];
  h[4] = f[4] + 0x1FFFFFFFFFFFFCULL - g[4];
  fe_carry(h);
}

static inline void fe_neg(fe h, const fe f) {
  fe z;
  fe_0(z);
  fe_sub(h, z, f);
}

static inline void fe_mul(fe h, const fe f, const fe g) {
  uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
  uint64_t g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
  uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
  u128 r0 = (u128)f0 * g0 + (u128)f1 * g4_19 + (u128)f2 * g3_19 + (u128)f3 * g2_19 + (u128)f4 * g1_19;
  u128 r1 = (u128)f0 * g1 + (u128)f1 * g0 + (u128)f2 * g4_19 + (u128)f3 * g3_19 + (u128)f4 * g2_19;
  u128 r2 = (u128)f0 * g2 + (u128)f1 * g1 + (u128)f2 * g0 + (u128)f3 * g4_19 + (u128)f4 * g3_19;
  u128 r3 = (u128)f0 * g3 + (u128)f1 * g2 + (u128)f2 * g1 + (u128)f3 * g0 + (u128)f4 * g4_19;
  u128 r4 = (u128)f0 * g4 + (u128)f1 * g3 + (u128)f2 * g2 + (u128)f3 * g1 + (u128)f4 * g0;
  uint64_t c;
  r1 += (uint64_t)(r0 >> 51); uint64_t h0 = (uint64_t)r0 & M51;
  r2 += (uint64_t)(r1 >> 51); uint64_t h1 = (uint64_t)r1 & M51;
  r3 += (uint64_t)(r2 >> 51); uint64_t h2 = (uint64_t)r2 & M51;
  r4 += (uint64_t)(r3 >> 51); uint64_t h3 = (uint64_t)r3 & M51;
  c = (uint64_t)(r4 >> 51); uint64_t h4 = (uint64_t)r4 & M51;
  h0 += c * 19;
  h1 += h0 >> 51; h0 &= M51;
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
}

static inline void fe_sq(fe h, const fe f) {
  uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
  uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1, f1_38 = 38 * f1, f2_38 = 38 * f2, f3_38 = 38 * f3;
  uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
  u128 r0 = (u128)f0 * f0 + (u128)f1_38 * f4 + (u128)f2_38 * f3;
  u128 r1 = (u128)f0_2 * f1 + (u128)f2_38 * f4 + (u128)f3_19 * f3;
  u128 r2 = (u128)f0_2 * f2 + (u128)f1 * f1 + (u128)f3_38 * f4;
  u128 r3 = (u128)f0_2 * f3 + (u128)f1_2 * f2 + (u128)f4_19 * f4;
  u128 r4 = (u128)f0_2 * f4 + (u128)f1_2 * f3 + (u128)f2 * f2;
  uint64_t c;
  r1 += (uint64_t)(r0 >> 51); uint64_t h0 = (uint64_t)r0 & M51;
  r2 += (uint64_t)(r1 >> 51); uint64_t h1 = (uint64_t)r1 & M51;
  r3 += (uint64_t)(r2 >> 51); uint64_t h2 = (uint64_t)r2 & M51;
  r4 += (uint64_t)(r3 >> 51); uint64_t h3 = (uint64_t)r3 & M51;
  c = (uint64_t)(r4 >> 51); uint64_t h4 = (uint64_t)r4 & M51;
  h0 += c * 19;
  h1 += h0 >> 51; h0 &= M51;
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
}

static void fe_sqn(fe h, const fe f, int n) {
  fe_sq(h, f);
  for (int i = 1; i < n; i++) fe_sq(h, h);
}

// Fully reduced little-endian bytes.
static void fe_tobytes(uint8_t s[32], const fe f) {
  uint64_t t[5];
  memcpy(t, f, sizeof(t));
  fe_carry(t);
  fe_carry(t);
  // now t < 2^255 + small; subtract p if t >= p
  uint64_t q = (t[0] + 19) >> 51;
  q = (t[1] + q) >> 51;
  q = (t[2] + q) >> 51;
  q = (t[3] + q) >> 51;
  q = (t[4] + q) >> 51;
  t[0] += 19 * q;
  uint64_t c;
  c = t[0] >> 51; t[0] &= M51; t[1] += c;
  c = t[1] >> 51; t[1] &= M51; t[2] += c;
  c = t[2] >> 51; t[2] &= M51; t[3] += c;
  c = t[3] >> 51; t[3] &= M51; t[4] += c;
  t[4] &= M51;
  uint64_t w0 = t[0] | (t[1] << 51);
  uint64_t w1 = (t[1] >> 13) | (t[2] << 38);
  uint64_t w2 = (t[2] >> 26) | (t[3] << 25);
  uint64_t w3 = (t[3] >> 39) | (t[4] << 12);
  memcpy(s, &w0, 8); memcpy(s + 8, &w1, 8); memcpy(s + 16, &w2, 8); memcpy(s + 24, &w3, 8);
}

static void fe_frombytes(fe h, const uint8_t s[32]) {
  h[0] = load64(s) & M51;
  h[1] = (load64(s + 6) >> 3) & M51;
  h[2] = (load64(s + 12) >> 6) & M51;
  h[3] = (load64(s + 19) >> 1) & M51;
  h[4] = (load64(s + 24) >> 12) & M51;
}

static int fe_iszero(const fe f) {
  uint8_t s[32];
  fe_tobytes(s, f);
  uint8_t r = 0;
  for (int i = 0; i < 32; i++) r |= s[i];
  return r == 0;
}

static int fe_isneg(const fe f) {
  uint8_t s[32];
  fe_tobytes(s, f);
  return s[0] & 1;
}

static int fe_eq(const fe f, const fe g) {
  fe d;
  fe_sub(d, f, g);
  return fe_iszero(d);
}

// z^(2^252 - 3)
static void fe_pow22523(fe out, const fe z) {
  fe t0, t1, t2;
  fe_sq(t0, z);
  fe_sqn(t1, t0, 2);
  fe_mul(t1, z, t1);
  fe_mul(t0, t0, t1);
  fe_sq(t0, t0);
  fe_mul(t0, t1, t0);      // 2^5 - 1
  fe_sqn(t1, t0, 5);
  fe_mul(t0, t1, t0);      // 2^10 - 1
  fe_sqn(t1, t0, 10);
  fe_mul(t1, t1, t0);      // 2^20 - 1
  fe_sqn(t2, t1, 20);
  fe_mul(t1, t2, t1);      // 2^40 - 1
  fe_sqn(t1, t1, 10);
  fe_mul(t0, t1, t0);      // 2^50 - 1
  fe_sqn(t1, t0, 50);
  fe_mul(t1, t1, t0);      // 2^100 - 1
  fe_sqn(t2, t1, 100);
  fe_mul(t1, t2, t1);      // 2^200 - 1
  fe_sqn(t1, t1, 50);
  fe_mul(t0, t1, t0);      // 2^250 - 1
  fe_sqn(t0, t0, 2);       // 2^252 - 4
  fe_mul(out, t0, z);      // 2^252 - 3
}

typedef struct { fe X, Y, Z, T; } ge;           // extended: x = X/Z, y = Y/Z, xy = T/Z
typedef struct { fe YpX, YmX, Z2, T2d; } gec;   // cached addend

static void ge_identity(ge *p) { fe_0(p->X); fe_1(p->Y); fe_1(p->Z); fe_0(p->T); }

static void ge_cache(gec *c, const ge *p) {
  fe_add(c->YpX, p->Y, p->X);
  fe_sub(c->YmX, p->Y, p->X);
  fe_add(c->Z2, p->Z, p->Z);
  fe_mul(c->T2d, p->T, FE_D2);
}

// r = p + q (add-2008-hwcd-3, a = -1; complete on edwards25519).
static void ge_add(ge *r, const ge *p, const gec *q) {
  fe a, b, c, d, e, f, g, h;
  fe_sub(a, p->Y, p->X);
  fe_mul(a, a, q->YmX);
  fe_add(b, p->Y, p->X);
  fe_mul(b, b, q->YpX);
  fe_mul(c, p->T, q->T2d);
  fe_mul(d, p->Z, q->Z2);
  fe_sub(e, b, a);
  fe_sub(f, d, c);
  fe_add(g, d, c);
  fe_add(h, b, a);
  fe_mul(r->X, e, f);
  fe_mul(r->Y, g, h);
  fe_mul(r->T, e, h);
  fe_mul(r->Z, f, g);
}

// r = 2p (dbl-2008-hwcd, a = -1, signs folded).
static void ge_dbl(ge *r, const ge *p) {
  fe a, b, c, e, f, g, h, t;
  fe_sq(a, p->X);
  fe_sq(b, p->Y);
  fe_sq(c, p->Z);
  fe_add(c, c, c);
  fe_add(h, a, b);
  fe_add(t, p->X, p->Y);
  fe_sq(t, t);
  fe_sub(e, h, t);
  fe_sub(g, a, b);
  fe_add(f, c, g);
  fe_mul(r->X, e, f);
  fe_mul(r->Y, g, h);
  fe_mul(r->T, e, h);
  fe_mul(r->Z, f, g);
}

static int ge_is_identity(const ge *p) {
  return fe_iszero(p->X) && fe_eq(p->Y, p->Z);
}

// Decodes a canonical encoding (y < p, no "negative zero" x); 0 on success.
static int ge_frombytes(ge *p, const uint8_t s[32]) {
  // y < p: the 255-bit value must not be in [p, 2^255)
  uint8_t ys[32];
  memcpy(ys, s, 32);
  ys[31] &= 0x7f;
  int sign = s[31] >> 7;
  fe y, u, v, v3, vxx, x, chk;
  fe_frombytes(y, ys);
  uint8_t back[32];
  fe_tobytes(back, y);
  if (memcmp(back, ys, 32) != 0) return -1;  // non-canonical y
  fe one;
  fe_1(one);
  fe_sq(u, y);
  fe_mul(v, u, FE_D);
  fe_sub(u, u, one);   // u = y^2 - 1
  fe_add(v, v, one);   // v = d y^2 + 1
  fe_sq(v3, v);
  fe_mul(v3, v3, v);   // v^3
  fe_sq(x, v3);
  fe_mul(x, x, v);
  fe_mul(x, x, u);     // u v^7
  fe_pow22523(x, x);   // (u v^7)^((p-5)/8)
  fe_mul(x, x, v3);
  fe_mul(x, x, u);     // u v^3 (u v^7)^((p-5)/8)
  fe_sq(vxx, x);
  fe_mul(vxx, vxx, v);
  fe_sub(chk, vxx, u);
  if (!fe_iszero(chk)) {
    fe_add(chk, vxx, u);
    if (!fe_iszero(chk)) return -1;  // not on the curve
    fe_mul(x, x, FE_SQRTM1);
  }
  if (fe_iszero(x) && sign) return -1;  // negative zero: non-canonical
  if (fe_isneg(x) != sign) fe_neg(x, x);
  fe_copy(p->X, x);
  fe_copy(p->Y, y);
  fe_1(p->Z);
  fe_mul(p->T, x, y);
  return 0;
}

static int ge_small_order(const ge *p) {
  ge q;
  ge_dbl(&q, p);
  ge_dbl(&q, &q);
  ge_dbl(&q, &q);
  return ge_is_identity(&q);
}

static inline unsigned digit(const uint8_t *s16, int bit, int c) {
  // bits [bit, bit + c) of a 128-bit little-endian scalar
  unsigned v = 0;
  for (int k = 0; k < c; k++) {
    int b = bit + k;
    if (b >= 128) break;
    v |= ((s16[b >> 3] >> (b & 7)) & 1u) << k;
  }
  return v;
}

/*
 * points: n canonical encodings; scalars: n 32-byte little-endian scalars.
 * Returns 1 if sum(scalars[i] * points[i]) is the identity, 0 if not, -1 if a point does not
 * decode or has small order (its index in *bad), -2 if out of memory.
 */
static int msm_is_identity(const uint8_t *points, const uint8_t *scalars, int n, int *bad) {
  // Split each scalar into its low and high 128 bits: P with lo, [2^128]P with hi.
  int m = 0;
  ge *pts = malloc(sizeof(ge) * 2 * n);
  gec *cps = malloc(sizeof(gec) * 2 * n);
  uint8_t *sc = malloc(16 * 2 * n);
  if (!pts || !cps || !sc) { free(pts); free(cps); free(sc); return -2; }
  for (int i = 0; i < n; i++) {
    ge p;
    if (ge_frombytes(&p, points + 32 * i) != 0 || ge_small_order(&p)) {
      *bad = i;
      free(pts); free(cps); free(sc);
      return -1;
    }
    pts[m] = p;
    memcpy(sc + 16 * m, scalars + 32 * i, 16);
    m++;
    int hi = 0;
    for (int k = 16; k < 32; k++) hi |= scalars[32 * i + k];
    if (hi) {
      ge q = p;
      for (int k = 0; k < 128; k++) ge_dbl(&q, &q);
      pts[m] = q;
      memcpy(sc + 16 * m, scalars + 32 * i + 16, 16);
      m++;
    }
  }
  for (int i = 0; i < m; i++) ge_cache(&cps[i], &pts[i]);
  int c = m < 32 ? 3 : m < 128 ? 5 : m < 512 ? 6 : m < 2048 ? 8 : 10;
  int nb = 1 << c;
  ge *buckets = malloc(sizeof(ge) * nb);
  if (!buckets) { free(pts); free(cps); free(sc); return -2; }
  ge acc;
  ge_identity(&acc);
  int windows = (128 + c - 1) / c;
  for (int w = windows - 1; w >= 0; w--) {
    for (int k = 0; k < c; k++) ge_dbl(&acc, &acc);
    for (int b = 0; b < nb; b++) ge_identity(&buckets[b]);
    for (int i = 0; i < m; i++) {
      unsigned d = digit(sc + 16 * i, w * c, c);
      if (d) ge_add(&buckets[d], &buckets[d], &cps[i]);
    }
    ge running, total;
    gec tmp;
    ge_identity(&running);
    ge_identity(&total);
    for (int b = nb - 1; b >= 1; b--) {
      ge_cache(&tmp, &buckets[b]);
      ge_add(&running, &running, &tmp);
      ge_cache(&tmp, &running);
      ge_add(&total, &total, &tmp);
    }
    ge_cache(&tmp, &total);
    ge_add(&acc, &acc, &tmp);
  }
  free(buckets); free(pts); free(cps); free(sc);
  // No multiplication by the cofactor: the sum itself must vanish, as RFC 8032's cofactorless
  // equation (libsodium's) must hold for each signature; see verify-batch.ts on small-order parts.
  return ge_is_identity(&acc) ? 1 : 0;
}

#include <node_api.h>
// msm(points: Uint8Array, scalars: Uint8Array): 1 identity, 0 not, -1 - i when point i is
// unusable (throws when out of memory).
static napi_value Msm(napi_env env, napi_callback_info info) {
  size_t argc = 2; napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  void *p, *s; size_t pl, sl; napi_typedarray_type t; napi_value ab; size_t off;
  if (argc < 2) { napi_throw_type_error(env, NULL, "two arrays"); return NULL; }
  if (napi_get_typedarray_info(env, argv[0], &t, &pl, &p, &ab, &off) != napi_ok || t != napi_uint8_array) { napi_throw_type_error(env, NULL, "points: Uint8Array"); return NULL; }
  if (napi_get_typedarray_info(env, argv[1], &t, &sl, &s, &ab, &off) != napi_ok || t != napi_uint8_array) { napi_throw_type_error(env, NULL, "scalars: Uint8Array"); return NULL; }
  if (pl != sl || pl % 32 != 0) { napi_throw_range_error(env, NULL, "lengths"); return NULL; }
  int bad = -1;
  int r = msm_is_identity(p, s, (int)(pl / 32), &bad);
  if (r == -2) { napi_throw_error(env, NULL, "out of memory"); return NULL; }
  napi_value out; napi_create_int32(env, r == -1 ? -1 - bad : r, &out);
  return out;
}
NAPI_MODULE_INIT() {
  napi_value fn; napi_create_function(env, "msm", NAPI_AUTO_LENGTH, Msm, NULL, &fn);
  napi_set_named_property(env, exports, "msm", fn);
  return exports;
}
