#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real (Chromium for the browser tests, OpenLDAP's
# slapd and ldap-utils for the password reset tests),
# so `npm test` works on a fresh machine. Idempotent: does nothing when they are present.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/slapd ] || missing+=(slapd)
[ -x /usr/bin/ldapwhoami ] || missing+=(ldap-utils)

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages for the tests: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "The tests need these Debian packages: ${missing[*]}." >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
