#include "LabKitKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int labkit_has_avx512(void) {
  // compiler-rt's checks include the system's support for the registers.
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}

// Sixteen draws (eight words) per step. The 256-entry tables are looked up
// with permutes rather than gathers: each pair of registers holds 32
// entries, `vpermt2d` picks by the layer's low 5 bits in all eight pairs,
// and three rounds of blends keep the pair named by bits 5, 6 and 7.
__attribute__((target("avx512f,avx512dq")))
size_t labkit_normal_avx512(
    float *out, size_t words, uint64_t key, uint64_t firstWord, const uint32_t *k,
    const float *w, uint32_t *slots) {
  __m512i kLow[8], kHigh[8];
  __m512 wLow[8], wHigh[8];
  for (int j = 0; j < 8; j++) {
    kLow[j] = _mm512_loadu_si512((const void *)(k + 32 * j));
    kHigh[j] = _mm512_loadu_si512((const void *)(k + 32 * j + 16));
    wLow[j] = _mm512_loadu_ps(w + 32 * j);
    wHigh[j] = _mm512_loadu_ps(w + 32 * j + 16);
  }
  const __m512i lanes = _mm512_setr_epi64(1, 2, 3, 4, 5, 6, 7, 8);
  const __m512i gamma = _mm512_set1_epi64((long long)0x9E3779B97F4A7C15ULL);
  const __m512i m1 = _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ULL);
  const __m512i m2 = _mm512_set1_epi64((long long)0x94D049BB133111EBULL);
  const __m512i keys = _mm512_set1_epi64((long long)key);
  const __m512i layerBits = _mm512_set1_epi32(0xff);
  const __m512i signBit = _mm512_set1_epi32((int)0x80000000u);
  size_t listed = 0;
  for (size_t q = 0; q + 8 <= words; q += 8) {
    // SplitMix64, eight words at once.
    __m512i index = _mm512_add_epi64(_mm512_set1_epi64((long long)(firstWord + q)), lanes);
    __m512i z = _mm512_add_epi64(keys, _mm512_mullo_epi64(index, gamma));
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), m1);
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), m2);
    z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
    // Little-endian: 32-bit lane 2j is word j's low half, lane 2j + 1 its high.
    __m512i layer = _mm512_and_si512(z, layerBits);
    __m512i position = _mm512_srli_epi32(z, 9);
    __m512i sign = _mm512_and_si512(_mm512_slli_epi32(z, 23), signBit);
    __mmask16 bit5 = _mm512_test_epi32_mask(layer, _mm512_set1_epi32(32));
    __mmask16 bit6 = _mm512_test_epi32_mask(layer, _mm512_set1_epi32(64));
    __mmask16 bit7 = _mm512_test_epi32_mask(layer, _mm512_set1_epi32(128));
    __m512i kPick[8];
    __m512 wPick[8];
    for (int j = 0; j < 8; j++) {
      kPick[j] = _mm512_permutex2var_epi32(kLow[j], layer, kHigh[j]);
      wPick[j] = _mm512_permutex2var_ps(wLow[j], layer, wHigh[j]);
    }
    for (int j = 0; j < 4; j++) {
      kPick[j] = _mm512_mask_blend_epi32(bit5, kPick[2 * j], kPick[2 * j + 1]);
      wPick[j] = _mm512_mask_blend_ps(bit5, wPick[2 * j], wPick[2 * j + 1]);
    }
    for (int j = 0; j < 2; j++) {
      kPick[j] = _mm512_mask_blend_epi32(bit6, kPick[2 * j], kPick[2 * j + 1]);
      wPick[j] = _mm512_mask_blend_ps(bit6, wPick[2 * j], wPick[2 * j + 1]);
    }
    __m512i limit = _mm512_mask_blend_epi32(bit7, kPick[0], kPick[1]);
    __m512 width = _mm512_mask_blend_ps(bit7, wPick[0], wPick[1]);
    // The value ±p·w[i]: p < 2²³ converts exactly, then one rounding.
    __m512 magnitude = _mm512_mul_ps(_mm512_cvtepi32_ps(position), width);
    __m512 value =
        _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(magnitude), sign));
    __mmask16 inside = _mm512_cmplt_epu32_mask(position, limit);
    _mm512_storeu_ps(out + 2 * q, _mm512_mask_blend_ps(inside, _mm512_castsi512_ps(z), value));
    unsigned outside = (unsigned)(~inside & 0xffffu);
    while (outside != 0) {
      slots[listed++] = (uint32_t)(2 * q) + (uint32_t)__builtin_ctz(outside);
      outside &= outside - 1;
    }
  }
  return listed;
}

#else

int labkit_has_avx512(void) { return 0; }

size_t labkit_normal_avx512(
    float *out, size_t words, uint64_t key, uint64_t firstWord, const uint32_t *k,
    const float *w, uint32_t *slots) {
  (void)out, (void)words, (void)key, (void)firstWord, (void)k, (void)w, (void)slots;
  __builtin_trap();  // never called: labkit_has_avx512() is false here
}

#endif
