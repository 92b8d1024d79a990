#!/usr/bin/env bash
# Makes the offline base image for the migrator: a jlink JRE plus the few system files it needs
# (glibc and friends copied from this machine, /etc/passwd with the non-root user, /tmp), as a
# `docker save`-format tar that Jib reads through `tar://` (manifest.json, config json, one layer).
# Deterministic: sorted entries, fixed mtimes, uid/gid 0, so the same JDK gives the same bytes.
#
# usage: make-base-image.sh OUTPUT.tar [JAVA_HOME]
set -euo pipefail

output=${1:?usage: make-base-image.sh OUTPUT.tar [JAVA_HOME]}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
# Modules found with `jdeps --print-module-deps` over flyway-core, flyway-database-postgresql and the
# PostgreSQL driver, plus what the driver loads reflectively: SASL/GSS for Kerberos, EC for TLS.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.security.sasl,java.sql,jdk.crypto.ec
java_dir=opt/java/openjdk
epoch=2026-01-01T00:00:00Z

[[ -x $java_home/bin/jlink ]] || { echo "make-base-image: no jlink in $java_home (need a full JDK)" >&2; exit 1; }
[[ -d $java_home/jmods ]] || { echo "make-base-image: no jmods in $java_home (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$work/image"

# --compress=0: Jib gzips the layer anyway, and gzip does better on plain class files than on jlink's zip.
"$java_home/bin/jlink" --add-modules "$modules" --output "$root/$java_dir" \
  --strip-debug --no-header-files --no-man-pages --compress=0 --dedup-legal-notices=error-if-not-same-content

# The shared libraries the JRE links against, at the paths the dynamic loader expects. AWT's
# native libraries are left out of that search: java.desktop is here for java.beans, not for windows.
find "$root/$java_dir" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'libjavajpeg.so' ! -name 'libjawt.so' \
    ! -name 'libjsound.so' ! -name 'liblcms.so' ! -name 'libmlib_image.so' ! -name 'libsplashscreen.so' \
    -print0 | xargs -0 ldd 2>/dev/null \
  | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
      case $lib in "$root"/*) continue ;; esac
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"

layer=$work/image/layer.tar
tar --create --file "$layer" --directory "$root" --sort=name --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --mtime="$epoch" --owner=0 --group=0 --numeric-owner .
diff_id=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
java_version=$("$root/$java_dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')

cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$epoch","config":{"Env":["PATH=/$java_dir/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/$java_dir","JAVA_VERSION=$java_version","LANG=C.UTF-8"],"Labels":{"io.migrationhooks.base":"jlink-jre"}},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created":"$epoch","created_by":"migrator-image/scripts/make-base-image.sh (jlink $modules)"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["migrator-jre-base:local"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"

mkdir -p "$(dirname "$output")"
tar --create --file "$output.tmp" --directory "$work/image" --sort=name --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --mtime="$epoch" --owner=0 --group=0 --numeric-owner manifest.json config.json layer.tar
mv "$output.tmp" "$output"
echo "make-base-image: $output ($(du -h "$output" | cut -f1), java $java_version, layer $diff_id)"
