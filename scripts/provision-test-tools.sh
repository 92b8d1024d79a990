#!/usr/bin/env bash
# Installs from Debian, when missing, the programs the integration tests run besides Helm:
#   docker-registry  a real OCI registry on loopback (plugin install from oci://, the image push test)
#   gnupg            a throwaway signing key for the .prov files `helm plugin install --verify` checks
#   curl             scripts/push-plugin-oci.sh talks to the registry with it
# apt-get needs root: run as root or with sudo. Prints nothing when everything is there.
set -euo pipefail

declare -A package_of=([docker-registry]=docker-registry [gpg]=gnupg [gpgconf]=gnupg [curl]=curl)
missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
((${#missing[@]} == 0)) && exit 0
mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "provision-test-tools: not root and no sudo: install ${packages[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "provision-test-tools: installing ${packages[*]} from Debian" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
