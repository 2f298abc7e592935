// OpenBLAS's CBLAS interface (Debian: libopenblas-dev). Debian installs the
// header under the multiarch folder; LabKit calls it only from BLAS.swift.
#if __has_include(<x86_64-linux-gnu/cblas.h>)
#include <x86_64-linux-gnu/cblas.h>
#elif __has_include(<aarch64-linux-gnu/cblas.h>)
#include <aarch64-linux-gnu/cblas.h>
#else
#include <cblas.h>
#endif
