#!/usr/bin/env bash
# The usual kustomize post-renderer wrapper: stdin to a file, `resources:` over it, result to stdout.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/input.yaml"
printf 'resources:\n  - input.yaml\n' > "$work/kustomization.yaml"
kubectl kustomize "$work"
