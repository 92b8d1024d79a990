#!/usr/bin/env bash
# Pushes a Helm plugin archive (and its .prov, when there is one beside it) to an OCI registry in the
# layout Helm 4 installs from with `helm plugin install oci://REGISTRY/REPO/NAME:VERSION`:
#   an OCI image manifest with artifactType application/vnd.helm.plugin.v1+json (the same type as the
#   config's media type, for registries older than OCI 1.1), the archive as a layer titled
#   NAME-VERSION.tgz and the provenance as a layer titled NAME-VERSION.tgz.prov. Helm finds both layers
#   by those titles, whatever the archive's file name, and pulls only layers typed as OCI tar layers,
#   so the .prov layer carries the plain tar type.
# `helm push` pushes charts only, hence this script (bash, curl, sha256sum; nothing to install).
#
#   scripts/push-plugin-oci.sh [--plain-http] ARCHIVE oci://REGISTRY/REPO/NAME:TAG
#
# Credentials, when the registry asks for them: REGISTRY_USERNAME and REGISTRY_PASSWORD (for GHCR in a
# workflow: the actor and GITHUB_TOKEN). OCI_SOURCE_URL, when set, becomes the manifest's
# org.opencontainers.image.source (GHCR then links the package to that repository and its visibility).
# Prints the pushed manifest's digest on stdout.
set -euo pipefail

readonly PLUGIN_TYPE=application/vnd.helm.plugin.v1+json
readonly TAR_GZIP_LAYER=application/vnd.oci.image.layer.v1.tar+gzip
readonly TAR_LAYER=application/vnd.oci.image.layer.v1.tar
readonly MANIFEST_TYPE=application/vnd.oci.image.manifest.v1+json

die() { echo "push-plugin-oci: $*" >&2; exit 1; }

scheme=https
if [[ ${1:-} == --plain-http ]]; then
  scheme=http
  shift
fi
[[ $# -eq 2 ]] || die "usage: $0 [--plain-http] ARCHIVE oci://REGISTRY/REPO/NAME:TAG"
archive=$1
reference=${2#oci://}
[[ $2 == oci://* && $reference == */*:* ]] || die "expected oci://REGISTRY/REPO/NAME:TAG, got '$2'"
[[ -f $archive ]] || die "no archive at $archive"
registry=${reference%%/*}
repository_and_tag=${reference#*/}
repository=${repository_and_tag%:*}
tag=${repository_and_tag##*:}
plugin_name=${repository##*/}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The plugin's own name and version, from the plugin.yaml the archive holds (at its root or one
# folder down, as Helm accepts).
plugin_yaml=$(tar -xzOf "$archive" --wildcards --no-anchored plugin.yaml 2>/dev/null | head -c 65536) ||
  die "$archive holds no plugin.yaml"
yaml_field() { sed -n "s/^$1:[[:space:]]*\"\{0,1\}\([^\"#[:space:]]*\)\"\{0,1\}.*$/\1/p" <<<"$plugin_yaml" | head -n 1; }
name=$(yaml_field name)
version=$(yaml_field version)
type=$(yaml_field type)
[[ -n $name && -n $version ]] || die "$archive: plugin.yaml has no name or version"
[[ $name == "$plugin_name" ]] ||
  die "the reference names plugin '$plugin_name' but $archive holds plugin '$name' (Helm installs it under the reference's last segment)"
title=$name-$version.tgz

token=
curl_registry() { # curl arguments...; adds the bearer token once the registry asked for one
  if [[ -n $token ]]; then
    curl -sS -H "Authorization: Bearer $token" "$@"
  else
    curl -sS "$@"
  fi
}

# Token auth (distribution's and GHCR's): a 401 names the realm and service to ask for a push token.
authenticate() {
  local headers challenge realm service auth=()
  headers=$(curl -sS -o /dev/null -D - "$scheme://$registry/v2/") || die "registry $registry does not answer"
  grep -qiE '^HTTP/[0-9.]+ 401' <<<"$headers" || return 0
  challenge=$(tr -d '\r' <<<"$headers" | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: *[Bb]earer *//p')
  [[ -n $challenge ]] || die "registry $registry wants credentials this script cannot give (not a bearer challenge)"
  realm=$(sed -n 's/.*realm="\([^"]*\)".*/\1/p' <<<"$challenge")
  service=$(sed -n 's/.*service="\([^"]*\)".*/\1/p' <<<"$challenge")
  [[ -n ${REGISTRY_USERNAME:-} ]] && auth=(-u "$REGISTRY_USERNAME:${REGISTRY_PASSWORD:-}")
  token=$(curl -sSf "${auth[@]}" -G "$realm" --data-urlencode "service=$service" \
    --data-urlencode "scope=repository:$repository:pull,push" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p') ||
    die "registry $registry refused a push token for $repository (REGISTRY_USERNAME, REGISTRY_PASSWORD)"
  [[ -n $token ]] || die "registry $registry gave no token for $repository"
}

digest_of() { echo "sha256:$(sha256sum "$1" | cut -d' ' -f1)"; }
size_of() { stat -c %s "$1"; }

push_blob() { # file
  local digest location status
  digest=$(digest_of "$1")
  status=$(curl_registry -o /dev/null -w '%{http_code}' -I "$scheme://$registry/v2/$repository/blobs/$digest")
  [[ $status == 200 ]] && return 0
  location=$(curl_registry -o /dev/null -D - -X POST "$scheme://$registry/v2/$repository/blobs/uploads/" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: *//p')
  [[ -n $location ]] || die "registry $registry refused an upload to $repository"
  [[ $location == /* ]] && location=$scheme://$registry$location
  [[ $location == *\?* ]] && location+="&digest=$digest" || location+="?digest=$digest"
  status=$(curl_registry -o "$work/upload.out" -w '%{http_code}' -X PUT -H 'Content-Type: application/octet-stream' \
    --data-binary "@$1" "$location")
  [[ $status == 201 ]] || die "upload of $1 to $repository failed (HTTP $status): $(head -c 500 "$work/upload.out")"
}

descriptor() { # media type, file, title
  printf '{"mediaType":"%s","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.title":"%s"}}' \
    "$1" "$(digest_of "$2")" "$(size_of "$2")" "$3"
}

authenticate

printf '{"name":"%s","version":"%s","type":"%s"}' "$name" "$version" "$type" >"$work/config.json"
push_blob "$work/config.json"
push_blob "$archive"
layers=$(descriptor "$TAR_GZIP_LAYER" "$archive" "$title")
if [[ -f $archive.prov ]]; then
  push_blob "$archive.prov"
  layers+=,$(descriptor "$TAR_LAYER" "$archive.prov" "$title.prov")
fi
annotations=$(printf '"org.opencontainers.image.title":"%s","org.opencontainers.image.version":"%s"' "$name" "$version")
[[ -n ${OCI_SOURCE_URL:-} ]] && annotations+=$(printf ',"org.opencontainers.image.source":"%s"' "$OCI_SOURCE_URL")
printf '{"schemaVersion":2,"mediaType":"%s","artifactType":"%s","config":{"mediaType":"%s","digest":"%s","size":%s},"layers":[%s],"annotations":{%s}}' \
  "$MANIFEST_TYPE" "$PLUGIN_TYPE" "$PLUGIN_TYPE" "$(digest_of "$work/config.json")" "$(size_of "$work/config.json")" \
  "$layers" "$annotations" >"$work/manifest.json"
status=$(curl_registry -o "$work/manifest.out" -w '%{http_code}' -X PUT -H "Content-Type: $MANIFEST_TYPE" \
  --data-binary "@$work/manifest.json" "$scheme://$registry/v2/$repository/manifests/$tag")
[[ $status == 201 ]] || die "manifest push to $repository:$tag failed (HTTP $status): $(head -c 500 "$work/manifest.out")"
digest_of "$work/manifest.json"
