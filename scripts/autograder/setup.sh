#!/usr/bin/env bash
# Gradescope runs this once, as root, on its Ubuntu base image, when the
# autograder is uploaded (the zip is unpacked into /autograder/source).
# It installs the Swift toolchain and LabBook's Debian packages, and builds
# LabBook in release mode. Made by `labbook autograder` for "@LAB_TITLE@"
# (LabBook @LABBOOK_VERSION@, @LABBOOK_COMMIT@).
set -euo pipefail

# ---- pinned toolchain --------------------------------------------------------
SWIFT_VERSION="6.3.1"
# PLACEHOLDER while it reads FILL-ME-IN: the SHA-256 of the tarball this
# script downloads (`labbook autograder --swift-sha256 HEX` fills it in; see
# README.md). "skip" relies on the tarball's GPG signature alone.
SWIFT_SHA256="@SWIFT_SHA256@"
# -----------------------------------------------------------------------------

ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"

. /etc/os-release
case "${VERSION_ID:-}" in
  22.04) PLATFORM=ubuntu22.04; GCC=11 ;;
  24.04) PLATFORM=ubuntu24.04; GCC=13 ;;
  *) echo "setup.sh: Ubuntu 22.04 or 24.04 expected, found ${PRETTY_NAME:-unknown}" >&2; exit 1 ;;
esac
if [ "$SWIFT_SHA256" = "FILL-ME-IN" ]; then
  echo "setup.sh: SWIFT_SHA256 is still the placeholder; see README.md" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# Swift's own run-time needs (swift.org's list for Ubuntu), then LabBook's.
apt-get install -y --no-install-recommends \
  binutils ca-certificates curl git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 \
  "libgcc-$GCC-dev" libpython3-dev libsqlite3-0 "libstdc++-$GCC-dev" libxml2-dev \
  libz3-dev pkg-config tzdata unzip zlib1g-dev \
  libcmark-dev libopenblas-dev libyaml-dev

# The toolchain, the standard way: swift.org's tarball, its signature checked
# against swift.org's published keys, its checksum against the pinned one.
NAME="swift-$SWIFT_VERSION-RELEASE-$PLATFORM"
URL="https://download.swift.org/swift-$SWIFT_VERSION-release/${PLATFORM//./}/swift-$SWIFT_VERSION-RELEASE/$NAME.tar.gz"
WORK="$(mktemp -d)"
curl -fsSL "$URL" -o "$WORK/swift.tar.gz"
curl -fsSL "$URL.sig" -o "$WORK/swift.tar.gz.sig"
curl -fsSL https://swift.org/keys/all-keys.asc -o "$WORK/keys.asc"
export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --import "$WORK/keys.asc"
gpg --batch --verify "$WORK/swift.tar.gz.sig" "$WORK/swift.tar.gz"
if [ "$SWIFT_SHA256" != "skip" ]; then
  echo "$SWIFT_SHA256  $WORK/swift.tar.gz" | sha256sum --check --strict
fi
mkdir -p /opt/swift
tar -xzf "$WORK/swift.tar.gz" -C /opt/swift --strip-components=1
rm -rf "$WORK"
export PATH="/opt/swift/usr/bin:$PATH"
ln -sf /opt/swift/usr/bin/swift /opt/swift/usr/bin/swiftc /usr/local/bin/

# LabBook, release build: the command line, and LabKit for the lab programs.
cd "$SOURCE/labbook"
swift build -c release --product labbook
swift build -c release --product LabKit
ln -sf "$SOURCE/labbook/.build/release/labbook" /usr/local/bin/labbook

# Submissions run as an unprivileged user: they may read LabBook's package
# (LabKit, the C module maps), never the lab with its solutions.
chmod a+x "$ROOT" "$SOURCE"
chmod -R a+rX "$SOURCE/labbook"
chmod -R go-rwx "$SOURCE/lab"
labbook --version
