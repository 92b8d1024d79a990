#!/usr/bin/env bash
# Proves the users' push path: `jib:build` pushes to a real registry (Debian's docker-registry on a
# loopback port, installed here if missing) and the pushed digest equals the one `package` built
# into migrator-image/target/migrator-image.tar. Run after `mvn verify` (needs the offline base tar).
set -euo pipefail
cd "$(dirname "$0")/../.."

target=migrator-image/target
[[ -f $target/migrator-image.digest && -f $target/base-image/migrator-jre-base.tar ]] \
  || { echo "push-smoke-test: run 'mvn -B -pl migrator-image package' first" >&2; exit 1; }
if ! command -v docker-registry >/dev/null; then
  as_root=(); [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/config.yml" <<YAML
version: 0.1
storage: {filesystem: {rootdirectory: $work/data}}
http: {addr: 127.0.0.1:$port}
YAML
docker-registry serve "$work/config.yml" > "$work/registry.log" 2>&1 &
registry=$!
trap 'kill $registry 2>/dev/null; wait $registry 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done

image=127.0.0.1:$port/migration-hooks/migrator:smoke
mvn -B -q -pl migrator-image jib:build -Djib.to.image="$image" -Djib.allowInsecureRegistries=true \
  -Djib.disableUpdateChecks=true -Dmigrator.base-image="tar://$PWD/$target/base-image/migrator-jre-base.tar"

pushed=$(curl -fsI -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
  "http://127.0.0.1:$port/v2/migration-hooks/migrator/manifests/smoke" | tr -d '\r' | sed -n 's/^docker-content-digest: //Ip')
built=$(cat "$target/migrator-image.digest")
if [[ $pushed != "$built" ]]; then
  echo "push-smoke-test: FAILED: pushed $pushed, but package built $built" >&2
  exit 1
fi
echo "push-smoke-test: jib:build pushed $image with the digest package built ($built)"
