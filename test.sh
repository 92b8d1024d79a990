#!/usr/bin/env bash
# Runs every test of the project from a clean clone. Installs what it needs first
# (into .tools/, ignored by git), so a fresh machine needs only Java 17, Maven and npm.
set -euo pipefail
cd "$(dirname "$0")"

scripts/provision-helm.sh
mvn -B verify
migrator-image/scripts/push-smoke-test.sh   # jib:build to a loopback registry gives the digest package built
ci/check.sh
