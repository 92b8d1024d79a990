#!/usr/bin/env bash
# Writes ARCHIVE.prov, the provenance file `helm plugin install --verify` (Helm 4's default for
# archives) checks: the archive's plugin.yaml and its sha256, clear-signed with a GnuPG key.
#
#   scripts/sign-plugin.sh [--key NAME] [--passphrase-file FILE] ARCHIVE...
#
# `helm plugin package --sign` signs only an archive it builds itself, named NAME-VERSION.tgz; this
# signs the archives the build made (their bytes, their names). The sum is listed under the archive's
# file name and under NAME-VERSION.tgz: Helm keeps an installed archive under that second name (also
# when it came from oci://) and checks it again for `helm plugin list`.
# Uses the default GnuPG home (GNUPGHOME); --key picks the secret key (default: gpg's default key).
set -euo pipefail

die() { echo "sign-plugin: $*" >&2; exit 1; }

key=
passphrase_file=
while [[ $# -gt 0 ]]; do
  case $1 in
    --key) key=${2:?--key needs a value}; shift 2 ;;
    --passphrase-file) passphrase_file=${2:?--passphrase-file needs a value}; shift 2 ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || die "usage: $0 [--key NAME] [--passphrase-file FILE] ARCHIVE..."
command -v gpg >/dev/null || die "gpg is needed (Debian: apt-get install gnupg)"

gpg_options=(--batch --yes --armor --digest-algo SHA512)
[[ -n $key ]] && gpg_options+=(--local-user "$key")
[[ -n $passphrase_file ]] && gpg_options+=(--pinentry-mode loopback --passphrase-file "$passphrase_file")

for archive in "$@"; do
  [[ -f $archive ]] || die "no archive at $archive"
  plugin_yaml=$(tar -xzOf "$archive" --wildcards --no-anchored plugin.yaml 2>/dev/null) ||
    die "$archive holds no plugin.yaml"
  name=$(sed -n 's/^name:[[:space:]]*"\{0,1\}\([^"#[:space:]]*\).*$/\1/p' <<<"$plugin_yaml" | head -n 1)
  version=$(sed -n 's/^version:[[:space:]]*"\{0,1\}\([^"#[:space:]]*\).*$/\1/p' <<<"$plugin_yaml" | head -n 1)
  [[ -n $name && -n $version ]] || die "$archive: plugin.yaml has no name or version"
  sum=sha256:$(sha256sum "$archive" | cut -d' ' -f1)
  file_name=${archive##*/}
  {
    grep -v '^#' <<<"$plugin_yaml"
    printf '\n...\nfiles:\n  %s: %s\n' "$file_name" "$sum"
    [[ $file_name == "$name-$version.tgz" ]] || printf '  %s: %s\n' "$name-$version.tgz" "$sum"
  } | gpg "${gpg_options[@]}" --clearsign --output "$archive.prov" ||
    die "gpg could not sign $archive"
  echo "sign-plugin: wrote $archive.prov" >&2
done
