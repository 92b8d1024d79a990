package io.migrationhooks.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncTaskTest {
  /** annotations (flow mapping) | hook | phases | wave | delete policies | implied */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{} | false | SYNC | 0 | '' | false",
      "{argocd.argoproj.io/sync-wave: '-5'} | false | SYNC | -5 | '' | false",
      "{helm.sh/hook-weight: '3'} | false | SYNC | 3 | '' | false",
      "{argocd.argoproj.io/sync-wave: x, helm.sh/hook-weight: '3'} | false | SYNC | 3 | '' | false",
      "{helm.sh/hook: 'pre-install,pre-upgrade'} | true | PRE_SYNC | 0 | BeforeHookCreation | true",
      "{helm.sh/hook: post-upgrade, helm.sh/hook-delete-policy: hook-failed} | true | POST_SYNC | 0 | HookFailed | false",
      "{helm.sh/hook: pre-install, helm.sh/hook-delete-policy: keep-me} | true | PRE_SYNC | 0 | BeforeHookCreation | true",
      "{helm.sh/hook: test} | true | '' | 0 | BeforeHookCreation | true",
      "{helm.sh/hook: crd-install} | false | SYNC | 0 | '' | false",
      "{argocd.argoproj.io/hook: Sync, helm.sh/hook: pre-install} | true | SYNC | 0 | BeforeHookCreation | true",
      "{argocd.argoproj.io/hook: 'PreSync,PostSync', argocd.argoproj.io/hook-delete-policy: HookSucceeded} | true | PRE_SYNC POST_SYNC | 0 | HookSucceeded | false",
      "{argocd.argoproj.io/hook: Unknown, helm.sh/hook: post-install} | true | POST_SYNC | 0 | BeforeHookCreation | true",
      "{argocd.argoproj.io/hook: Skip} | false | '' | 0 | '' | false",
      "{argocd.argoproj.io/hook: Sync, argocd.argoproj.io/hook-delete-policy: Never, helm.sh/hook-delete-policy: hook-succeeded} | true | SYNC | 0 | Never HookSucceeded | false"})
  void readsAResourceAsArgoCdDoes(String annotations, boolean hook, String phases, int wave, String policies, boolean implied) {
    Resource resource = Resource.of(YamlStream.parse(
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x, annotations: " + annotations + "}\n", Limits.DEFAULT).get(0));

    SyncTask task = SyncTask.of(resource);

    assertThat(task.hook()).isEqualTo(hook);
    assertThat(task.phases()).containsExactlyElementsOf(words(phases).stream().map(SyncPhase::valueOf).toList());
    assertThat(task.wave()).isEqualTo(wave);
    assertThat(task.deletePolicies()).isEqualTo(hook ? Set.copyOf(words(policies)) : Set.of());
    assertThat(task.deletePolicyImplied()).isEqualTo(implied);
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split(" "));
  }
}
