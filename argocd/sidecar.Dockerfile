# Sidecar image for the migration-hooks Config Management Plugin: a Java 17 runtime, Helm, the
# migration-hooks launcher and the plugin definition, run by Argo CD's argocd-cmp-server as user 999.
# Build from the repository root, after `mvn -B package -DskipTests` (the distribution) and with a Helm
# binary at argocd/helm (e.g. `cp "$(scripts/provision-helm.sh --print helm4)" argocd/helm`):
#   docker build -f argocd/sidecar.Dockerfile -t registry.example.com/migration-hooks-cmp:0.1.0 .
FROM eclipse-temurin:17-jre-jammy

COPY argocd/helm /usr/local/bin/helm
COPY postrenderer/target/migration-hooks /opt/migration-hooks
COPY argocd/cmp-plugin.yaml /home/argocd/cmp-server/config/plugin.yaml
RUN chmod 0755 /usr/local/bin/helm /opt/migration-hooks/bin/migration-hooks \
 && ln -s /opt/migration-hooks/bin/migration-hooks /usr/local/bin/migration-hooks \
 && mkdir -p /home/argocd && chown -R 999:999 /home/argocd

# Helm's caches go to the writable /tmp volume the patch mounts.
ENV HELM_CACHE_HOME=/tmp/helm/cache HELM_CONFIG_HOME=/tmp/helm/config HELM_DATA_HOME=/tmp/helm/data
USER 999
