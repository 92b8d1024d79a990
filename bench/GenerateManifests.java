import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a multi-document YAML stream shaped like what Helm 4 sends to a post-renderer.
 *
 * <p>Usage: {@code java bench/GenerateManifests.java DOCUMENTS OUTPUT_FILE}
 *
 * <p>The stream is a sequence of "apps", each a backend with its own database: Secret, ConfigMaps
 * with block strings, ServiceAccount, Services, a database StatefulSet, a migration Job, two
 * Deployments with probes/env/volumes, an Ingress and a ServiceMonitor (a custom resource). Every
 * document carries {@code postrenderer.helm.sh/postrender-filename}, so the post-renderer runs in
 * Helm 4 mode and all its rules fire. One document is a single backend Deployment. The output is
 * deterministic: the same count always gives the same bytes.
 */
public final class GenerateManifests {

  private static final String[] APP_NAMES = {
    "orders", "billing", "catalog", "users", "search", "payments", "shipping", "inventory",
    "reviews", "notifications", "reports", "accounts", "pricing", "cart", "auth", "media"
  };

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java GenerateManifests.java DOCUMENTS OUTPUT_FILE");
      System.exit(2);
    }
    int documents = Integer.parseInt(args[0]);
    Path output = Path.of(args[1]);
    Path partial = output.resolveSibling(output.getFileName() + ".part");
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      int written = 0;
      if (documents == 1) {
        out.write(backendDeployment(new App(0)));
        written = 1;
      }
      for (int index = 0; written < documents; index++) {
        for (String document : appDocuments(new App(index))) {
          if (written == documents) {
            break;
          }
          out.write(document);
          written++;
        }
      }
    }
    Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Names and numbers of one generated app; everything derives from its index. */
  private static final class App {
    final int index;
    final String name;
    final String namespace;
    final String chartFolder;

    App(int index) {
      this.index = index;
      this.name = APP_NAMES[index % APP_NAMES.length] + "-" + index;
      this.namespace = "team-" + (index % 7);
      this.chartFolder = "platform/charts/" + name + "/templates/";
    }

    /** Separator, Helm's source comment, apiVersion, kind and metadata of one document. */
    String document(String file, String apiVersion, String kind, String resourceName,
        String component, String extraAnnotations) {
      return "---\n# Source: " + chartFolder + file + "\n"
          + "apiVersion: " + apiVersion + "\n"
          + "kind: " + kind + "\n"
          + "metadata:\n"
          + "  name: " + resourceName + "\n"
          + "  namespace: " + namespace + "\n"
          + "  labels:\n"
          + "    app.kubernetes.io/name: " + name + "\n"
          + "    app.kubernetes.io/instance: platform\n"
          + "    app.kubernetes.io/component: " + component + "\n"
          + "    app.kubernetes.io/managed-by: Helm\n"
          + "    helm.sh/chart: " + APP_NAMES[index % APP_NAMES.length] + "-1.4." + (index % 10) + "\n"
          + "  annotations:\n"
          + extraAnnotations
          + "    postrenderer.helm.sh/postrender-filename: " + chartFolder + file + "\n";
    }

    String labels(String component, int indent) {
      String pad = " ".repeat(indent);
      return pad + "app.kubernetes.io/name: " + name + "\n"
          + pad + "app.kubernetes.io/instance: platform\n"
          + pad + "app.kubernetes.io/component: " + component + "\n";
    }
  }

  private static List<String> appDocuments(App app) {
    List<String> documents = new ArrayList<>();
    documents.add(serviceAccount(app));
    documents.add(databaseSecret(app));
    documents.add(applicationConfigMap(app));
    documents.add(databaseInitConfigMap(app));
    documents.add(databaseService(app));
    documents.add(backendService(app));
    documents.add(databaseStatefulSet(app));
    documents.add(migrationJob(app));
    documents.add(backendDeployment(app));
    documents.add(workerDeployment(app));
    documents.add(ingress(app));
    documents.add(serviceMonitor(app));
    return documents;
  }

  private static String serviceAccount(App app) {
    return app.document("serviceaccount.yaml", "v1", "ServiceAccount", app.name, "backend", "")
        + "automountServiceAccountToken: false\n";
  }

  private static String databaseSecret(App app) {
    return app.document("db-secret.yaml", "v1", "Secret", app.name + "-db", "database", "")
        + "type: Opaque\n"
        + "data:\n"
        + "  POSTGRES_USER: " + base64(app.name) + "\n"
        + "  POSTGRES_PASSWORD: " + base64("s3cr3t-" + app.index * 7919) + "\n"
        + "  POSTGRES_DB: " + base64(app.name.replace('-', '_')) + "\n"
        + "stringData:\n"
        + "  JDBC_URL: \"jdbc:postgresql://" + app.name + "-db:5432/" + app.name.replace('-', '_') + "\"\n";
  }

  private static String applicationConfigMap(App app) {
    return app.document("configmap.yaml", "v1", "ConfigMap", app.name + "-config", "backend",
            "    checksum/values: \"" + Integer.toHexString(app.name.hashCode()) + "0f3a9c\"\n")
        + "data:\n"
        + "  LOG_LEVEL: info\n"
        + "  FEATURE_FLAGS: \"on\"\n"
        + "  RETRIES: \"3\"\n"
        + "  UMASK: \"0777\"\n"
        + "  application.yaml: |\n"
        + "    server:\n"
        + "      port: 8080\n"
        + "      shutdown: graceful\n"
        + "    spring:\n"
        + "      datasource:\n"
        + "        url: ${JDBC_URL}\n"
        + "        hikari:\n"
        + "          maximum-pool-size: 10\n"
        + "      flyway:\n"
        + "        enabled: false   # migrations run in the hook Job\n"
        + "    management:\n"
        + "      endpoints:\n"
        + "        web:\n"
        + "          exposure:\n"
        + "            include: health,prometheus\n"
        + "  nginx.conf: |-\n"
        + "    server {\n"
        + "      listen 8081;\n"
        + "      location /static/ { root /srv; expires 1h; }\n"
        + "      location / { proxy_pass http://127.0.0.1:8080; }\n"
        + "    }\n";
  }

  private static String databaseInitConfigMap(App app) {
    return app.document("db-init.yaml", "v1", "ConfigMap", app.name + "-db-init", "database", "")
        + "data:\n"
        + "  init.sql: >-\n"
        + "    CREATE EXTENSION IF NOT EXISTS pgcrypto;\n"
        + "    CREATE SCHEMA IF NOT EXISTS " + app.name.replace('-', '_') + ";\n"
        + "  postgresql.conf: |\n"
        + "    max_connections = 100\n"
        + "    shared_buffers = 128MB\n"
        + "    log_min_duration_statement = 500\n";
  }

  private static String databaseService(App app) {
    return app.document("db-service.yaml", "v1", "Service", app.name + "-db", "database", "")
        + "spec:\n"
        + "  clusterIP: None\n"
        + "  ports:\n"
        + "    - name: postgres\n"
        + "      port: 5432\n"
        + "      targetPort: postgres\n"
        + "  selector:\n"
        + app.labels("database", 4);
  }

  private static String backendService(App app) {
    return app.document("service.yaml", "v1", "Service", app.name, "backend", "")
        + "spec:\n"
        + "  type: ClusterIP\n"
        + "  ports:\n"
        + "    - name: http\n"
        + "      port: 80\n"
        + "      targetPort: http\n"
        + "      protocol: TCP\n"
        + "  selector:\n"
        + app.labels("backend", 4);
  }

  private static String databaseStatefulSet(App app) {
    return app.document("db-statefulset.yaml", "apps/v1", "StatefulSet", app.name + "-db", "database", "")
        + "spec:\n"
        + "  serviceName: " + app.name + "-db\n"
        + "  replicas: 1\n"
        + "  selector:\n"
        + "    matchLabels:\n"
        + app.labels("database", 6)
        + "  template:\n"
        + "    metadata:\n"
        + "      labels:\n"
        + app.labels("database", 8)
        + "    spec:\n"
        + "      securityContext:\n"
        + "        fsGroup: 999\n"
        + "      containers:\n"
        + "        - name: postgres\n"
        + "          image: \"postgres:18.1-alpine\"\n"
        + "          ports:\n"
        + "            - name: postgres\n"
        + "              containerPort: 5432\n"
        + "          envFrom:\n"
        + "            - secretRef:\n"
        + "                name: " + app.name + "-db\n"
        + "          env:\n"
        + "            - name: PGDATA\n"
        + "              value: /var/lib/postgresql/data/pgdata\n"
        + "          readinessProbe:\n"
        + "            exec:\n"
        + "              command: [\"pg_isready\", \"-U\", \"" + app.name + "\"]\n"
        + "            periodSeconds: 5\n"
        + "          livenessProbe:\n"
        + "            exec:\n"
        + "              command: [\"pg_isready\", \"-U\", \"" + app.name + "\"]\n"
        + "            initialDelaySeconds: 30\n"
        + "          resources:\n"
        + "            requests: {cpu: 250m, memory: 512Mi}\n"
        + "            limits: {memory: 1Gi}\n"
        + "          volumeMounts:\n"
        + "            - name: data\n"
        + "              mountPath: /var/lib/postgresql/data\n"
        + "            - name: init\n"
        + "              mountPath: /docker-entrypoint-initdb.d\n"
        + "      volumes:\n"
        + "        - name: init\n"
        + "          configMap:\n"
        + "            name: " + app.name + "-db-init\n"
        + "  volumeClaimTemplates:\n"
        + "    - metadata:\n"
        + "        name: data\n"
        + "      spec:\n"
        + "        accessModes: [ReadWriteOnce]\n"
        + "        resources:\n"
        + "          requests:\n"
        + "            storage: 10Gi\n";
  }

  private static String migrationJob(App app) {
    return app.document("migration-job.yaml", "batch/v1", "Job", app.name + "-migrate", "migration", "")
        + "spec:\n"
        + "  backoffLimit: 2\n"
        + "  activeDeadlineSeconds: 600\n"
        + "  template:\n"
        + "    metadata:\n"
        + "      labels:\n"
        + app.labels("migration", 8)
        + "    spec:\n"
        + "      restartPolicy: Never\n"
        + "      serviceAccountName: " + app.name + "\n"
        + "      containers:\n"
        + "        - name: migrate\n"
        + "          image: \"registry.example.com/" + app.name + "/migrator:2." + (app.index % 30) + ".0\"\n"
        + "          args: [\"migrate\", \"--wait-for-database=120s\"]\n"
        + "          envFrom:\n"
        + "            - secretRef:\n"
        + "                name: " + app.name + "-db\n"
        + "            - configMapRef:\n"
        + "                name: " + app.name + "-config\n"
        + "          resources:\n"
        + "            requests: {cpu: 100m, memory: 256Mi}\n";
  }

  private static String backendDeployment(App app) {
    return app.document("deployment.yaml", "apps/v1", "Deployment", app.name, "backend",
            "    deployment.kubernetes.io/revision: \"" + (app.index % 5 + 1) + "\"\n")
        + "spec:\n"
        + "  replicas: 3\n"
        + "  revisionHistoryLimit: 5\n"
        + "  strategy:\n"
        + "    type: Recreate\n"
        + "  selector:\n"
        + "    matchLabels:\n"
        + app.labels("backend", 6)
        + "  template:\n"
        + "    metadata:\n"
        + "      labels:\n"
        + app.labels("backend", 8)
        + "      annotations:\n"
        + "        checksum/config: " + Integer.toHexString(app.name.hashCode() * 31) + "\n"
        + "    spec:\n"
        + "      serviceAccountName: " + app.name + "\n"
        + "      terminationGracePeriodSeconds: 45\n"
        + "      containers:\n"
        + "        - name: backend\n"
        + "          image: \"registry.example.com/" + app.name + "/backend:2." + (app.index % 30) + ".0\"\n"
        + "          imagePullPolicy: IfNotPresent\n"
        + "          ports:\n"
        + "            - name: http\n"
        + "              containerPort: 8080\n"
        + "          env:\n"
        + "            - name: JAVA_TOOL_OPTIONS\n"
        + "              value: \"-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError\"\n"
        + "            - name: DB_PASSWORD\n"
        + "              valueFrom:\n"
        + "                secretKeyRef:\n"
        + "                  name: " + app.name + "-db\n"
        + "                  key: POSTGRES_PASSWORD\n"
        + "            - name: POD_NAME\n"
        + "              valueFrom:\n"
        + "                fieldRef: {fieldPath: metadata.name}\n"
        + "            - name: CACHE_ENABLED\n"
        + "              value: \"yes\"\n"
        + "          envFrom:\n"
        + "            - configMapRef:\n"
        + "                name: " + app.name + "-config\n"
        + "          startupProbe:\n"
        + "            httpGet: {path: /actuator/health/liveness, port: http}\n"
        + "            failureThreshold: 30\n"
        + "            periodSeconds: 2\n"
        + "          readinessProbe:\n"
        + "            httpGet:\n"
        + "              path: /actuator/health/readiness\n"
        + "              port: http\n"
        + "            periodSeconds: 5\n"
        + "          livenessProbe:\n"
        + "            httpGet:\n"
        + "              path: /actuator/health/liveness\n"
        + "              port: http\n"
        + "          resources:\n"
        + "            requests:\n"
        + "              cpu: 500m\n"
        + "              memory: 768Mi\n"
        + "            limits:\n"
        + "              memory: 768Mi\n"
        + "          volumeMounts:\n"
        + "            - name: config\n"
        + "              mountPath: /config\n"
        + "              readOnly: true\n"
        + "            - name: tmp\n"
        + "              mountPath: /tmp\n"
        + "      volumes:\n"
        + "        - name: config\n"
        + "          configMap:\n"
        + "            name: " + app.name + "-config\n"
        + "        - name: tmp\n"
        + "          emptyDir:\n"
        + "            sizeLimit: 256Mi\n";
  }

  private static String workerDeployment(App app) {
    return app.document("worker.yaml", "apps/v1", "Deployment", app.name + "-worker", "worker", "")
        + "spec:\n"
        + "  replicas: 2\n"
        + "  selector:\n"
        + "    matchLabels:\n"
        + app.labels("worker", 6)
        + "  template:\n"
        + "    metadata:\n"
        + "      labels:\n"
        + app.labels("worker", 8)
        + "    spec:\n"
        + "      containers:\n"
        + "        - name: worker\n"
        + "          image: \"registry.example.com/" + app.name + "/backend:2." + (app.index % 30) + ".0\"\n"
        + "          args: [\"--mode=worker\", \"--queue=" + app.name + "\"]\n"
        + "          env:\n"
        + "            - name: CONCURRENCY\n"
        + "              value: \"8\"\n"
        + "            - name: DB_PASSWORD\n"
        + "              valueFrom:\n"
        + "                secretKeyRef: {name: " + app.name + "-db, key: POSTGRES_PASSWORD}\n"
        + "          resources:\n"
        + "            requests: {cpu: 200m, memory: 512Mi}\n";
  }

  private static String ingress(App app) {
    return app.document("ingress.yaml", "networking.k8s.io/v1", "Ingress", app.name, "backend",
            "    nginx.ingress.kubernetes.io/proxy-body-size: 8m\n")
        + "spec:\n"
        + "  ingressClassName: nginx\n"
        + "  tls:\n"
        + "    - hosts: [\"" + app.name + ".example.com\"]\n"
        + "      secretName: " + app.name + "-tls\n"
        + "  rules:\n"
        + "    - host: " + app.name + ".example.com\n"
        + "      http:\n"
        + "        paths:\n"
        + "          - path: /\n"
        + "            pathType: Prefix\n"
        + "            backend:\n"
        + "              service:\n"
        + "                name: " + app.name + "\n"
        + "                port: {name: http}\n";
  }

  private static String serviceMonitor(App app) {
    return app.document("servicemonitor.yaml", "monitoring.coreos.com/v1", "ServiceMonitor", app.name,
            "backend", "")
        + "spec:\n"
        + "  endpoints:\n"
        + "    - port: http\n"
        + "      path: /actuator/prometheus\n"
        + "      interval: 30s\n"
        + "  selector:\n"
        + "    matchLabels:\n"
        + app.labels("backend", 6);
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
