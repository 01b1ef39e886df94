#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: a JDK 17+ and Maven for the test broker,
# openssl for its test certificates, kcat for the cross-client test, Chromium for the end-to-end tests. Needs root (or sudo) only when something is missing.
set -euo pipefail
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v openssl >/dev/null || missing+=(openssl)
command -v kcat >/dev/null || missing+=(kcat)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
