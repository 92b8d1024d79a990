package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Helm's exact command line skips picocli; it must print and exit exactly as picocli's path does. */
class HelmRenderTest {
  private static final String TAG = "postrenderer.helm.sh/postrender-filename";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // Helm 4 stream: the Job and its Secret become hooks, the Deployment rolls out safely, a note on stderr
      """
          apiVersion: v1
          kind: Secret
          metadata: {name: db, annotations: {%1$s: t/s.yaml}}
          ---
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: migrate
            labels: {app.kubernetes.io/component: migration}
            annotations: {%1$s: t/j.yaml}
          spec: {template: {spec: {containers: [{name: m, envFrom: [{secretRef: {name: db}}]}]}}}
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, annotations: {%1$s: t/d.yaml, migration-hooks.io/rollout: unmanaged}}
          spec: {template: {spec: {containers: [{name: w}]}}}
          """,
      // untagged input that would get hooks: bad input, exit 1
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: m, labels: {app.kubernetes.io/component: migration}}\n",
      // malformed YAML: bad input naming the position
      "a: 1\n---\nkind: Job\nmetadata: [\n",
      // no documents at all
      "",
      // a role annotation on the wrong kind
      "kind: Secret\nmetadata: {name: s, annotations: {migration-hooks.io/role: migration, %1$s: t/s.yaml}}\n"})
  void sameBytesAndExitCodeAsThroughPicocli(String template) {
    String stdin = template.formatted(TAG);
    Cli viaPicocli = Cli.run(stdin, "render");

    Cli direct = runDirect(stdin);

    assertThat(direct).isEqualTo(viaPicocli);
  }

  @Test
  void theOutputIsRendered() {
    Cli direct = runDirect("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, annotations: {" + TAG + ": t.yaml}}\n");

    assertThat(direct.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(direct.out()).contains("maxUnavailable: 0");
  }

  @Test
  void onlyTheBareRenderCommandSkipsPicocli() {
    assertThat(HelmRender.handles(new String[] {"render"})).isTrue();
    assertThat(HelmRender.handles(new String[] {"render", "--helm3"})).isFalse();
    assertThat(HelmRender.handles(new String[] {"render", "-f", "-"})).isFalse();
    assertThat(HelmRender.handles(new String[] {"--help"})).isFalse();
    assertThat(HelmRender.handles(new String[] {})).isFalse();
  }

  private static Cli runDirect(String stdin) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = HelmRender.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
    return new Cli(exitCode, out.toString(), err.toString());
  }
}
