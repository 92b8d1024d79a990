package io.migrationhooks.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.StreamResources;
import io.migrationhooks.render.Settings;
import io.migrationhooks.yaml.Limits;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgoCdCheckRulesTest {
  private static final String DATABASE = """
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        labels: {app.kubernetes.io/component: database}
        annotations: %s
      """;
  private static final String JOB = """
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations: %s
      """;

  private static String secret(String annotations) {
    return "---\napiVersion: v1\nkind: Secret\nmetadata: {name: db, annotations: " + annotations + "}\n";
  }

  static Stream<Arguments> recreatesData() {
    return Stream.of(
        Arguments.of("a Secret Helm hook without delete policy", secret("{helm.sh/hook: pre-install}"),
            List.of("argocd-hook-recreates-data Secret/db: Argo CD runs this Helm hook as a PreSync hook and deletes and"
                + " recreates it on every sync (no helm.sh/hook-delete-policy, so Argo CD applies its default"
                + " BeforeHookCreation), so generated passwords change and no longer match the database \u2014 render it with"
                + " migration-hooks render --target argocd (the database stays a managed resource with Prune=false,Delete=false)")),
        Arguments.of("a database hook whose policy Argo CD does not know",
            DATABASE.formatted("{helm.sh/hook: pre-upgrade, helm.sh/hook-delete-policy: keep-it}"),
            List.of("argocd-hook-recreates-data StatefulSet/db: Argo CD runs this Helm hook as a PreSync hook and deletes and"
                + " recreates it on every sync (helm.sh/hook-delete-policy: keep-it is not one Argo CD knows, so Argo CD"
                + " applies its default BeforeHookCreation), so the database stops and starts again from scratch \u2014 render it"
                + " with migration-hooks render --target argocd (the database stays a managed resource with Prune=false,Delete=false)")),
        Arguments.of("a PVC hook with before-hook-creation",
            "---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, annotations: {helm.sh/hook: post-install,"
                + " helm.sh/hook-delete-policy: before-hook-creation}}\n",
            List.of("argocd-hook-recreates-data PersistentVolumeClaim/data: Argo CD runs this Helm hook as a PostSync hook and"
                + " deletes and recreates it on every sync (helm.sh/hook-delete-policy: before-hook-creation is"
                + " BeforeHookCreation to Argo CD), so its volume and the data on it are lost \u2014 render it with migration-hooks"
                + " render --target argocd (the database stays a managed resource with Prune=false,Delete=false)")),
        Arguments.of("hook-failed is a policy Argo CD knows: kept", secret("{helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-failed}"), List.of()),
        Arguments.of("an Argo CD hook annotation wins over the Helm one", secret("{helm.sh/hook: pre-install, argocd.argoproj.io/hook: Skip}"), List.of()),
        Arguments.of("a ConfigMap hook loses no data", "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {helm.sh/hook: pre-install}}\n", List.of()),
        Arguments.of("a Helm test hook is never applied by Argo CD", secret("{helm.sh/hook: test}"), List.of()),
        Arguments.of("an ordinary Secret", secret("{argocd.argoproj.io/sync-wave: '-30'}"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recreatesData")
  void findsHelmHooksArgoCdRecreates(String name, String stream, List<String> findings) {
    assertThat(lines(new ArgoCdHookRecreatesDataRule(), stream)).containsExactlyElementsOf(findings);
  }

  static Stream<Arguments> preSyncDeadlock() {
    String deadlock = "argocd-presync-migration-deadlock Job/migrate: Argo CD runs this migration Job as a PreSync hook,"
        + " before the Sync phase creates StatefulSet/db: on a first install there is no database, the Job never succeeds"
        + " and the sync never gets to create one \u2014 make the Job a Sync hook in a wave after the database"
        + " (migration-hooks render --target argocd does)";
    return Stream.of(
        Arguments.of("Helm-mode output: PreSync Job, database an ordinary resource",
            JOB.formatted("{helm.sh/hook: 'pre-install,pre-upgrade'}") + DATABASE.formatted("{}"), List.of(deadlock)),
        Arguments.of("an Argo CD PreSync Job", JOB.formatted("{argocd.argoproj.io/hook: PreSync}")
            + DATABASE.formatted("{argocd.argoproj.io/sync-wave: '-10'}"), List.of(deadlock)),
        Arguments.of("the database is a PreSync hook too",
            JOB.formatted("{helm.sh/hook: pre-install}") + DATABASE.formatted("{helm.sh/hook: pre-install, helm.sh/hook-weight: '-10'}"),
            List.of()),
        Arguments.of("argocd-mode output: Sync hook after the database",
            JOB.formatted("{argocd.argoproj.io/hook: Sync, argocd.argoproj.io/sync-wave: '0'}")
                + DATABASE.formatted("{argocd.argoproj.io/sync-wave: '-10'}"), List.of()),
        Arguments.of("no database in the stream", JOB.formatted("{helm.sh/hook: pre-install}"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preSyncDeadlock")
  void findsAPreSyncMigrationBeforeItsDatabase(String name, String stream, List<String> findings) {
    assertThat(lines(new ArgoCdPreSyncMigrationRule(), stream)).containsExactlyElementsOf(findings);
  }

  private static List<String> lines(CheckRule rule, String stream) {
    List<Resource> resources = StreamResources.parse(stream, Limits.DEFAULT);
    return rule.check(CheckContext.of(resources, Settings.defaults(), Optional.empty())).stream().map(Finding::line).toList();
  }
}
