// libcmark, the CommonMark reference parser (Debian: libcmark-dev).
// LabBook reaches it only through Sources/LabBook/Document/Cmark.swift.
#include <cmark.h>
