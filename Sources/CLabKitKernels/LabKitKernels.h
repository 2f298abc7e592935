// LabKit's vector kernels, in C because Swift cannot choose an instruction
// set per function at run time nor reach AVX-512's permutes and masks.
// LabKit's Swift code computes the same bits on every processor and is the
// reference these kernels are tested against.
#ifndef LABKIT_KERNELS_H
#define LABKIT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor and system run `labkit_normal_avx512`
/// (AVX-512 F and DQ, with the registers' state enabled).
int labkit_has_avx512(void);

/// The ziggurat's fast path for words `firstWord ..< firstWord + words` of
/// LabKit's counter-based stream, `words` a multiple of 8.
///
/// Word w is SplitMix64's `mix(key + (w + 1)·γ)`; its low 32 bits give
/// `out[2q]` and its high 32 bits `out[2q + 1]` (q = w - firstWord). For 32
/// bits b with layer i = b & 0xff, position p = b >> 9 and the sign in bit
/// 8: when p < k[i] the value is ±(float)p·w[i]. Otherwise the draw leaves
/// the fast path: its slot holds the 32 bits b themselves, for the caller to
/// complete, and its offset goes to `slots` (which must hold 2·words
/// entries), in increasing order. Returns how many slots it listed. Only
/// call when `labkit_has_avx512()` is true.
size_t labkit_normal_avx512(
    float *out, size_t words, uint64_t key, uint64_t firstWord, const uint32_t *k,
    const float *w, uint32_t *slots);

#endif
