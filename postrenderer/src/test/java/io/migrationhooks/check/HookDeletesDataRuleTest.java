package io.migrationhooks.check;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HookDeletesDataRuleTest {
  static Stream<RuleCase> cases() {
    return Stream.of(
        RuleCase.fires("a Secret hook without delete policy gets Helm's before-hook-creation", """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, annotations: {helm.sh/hook: pre-install}}
            """, "Secret/db"),
        RuleCase.fires("explicit before-hook-creation on a PVC, in any case and spacing", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
              namespace: shop
              annotations: {helm.sh/hook: pre-upgrade, helm.sh/hook-delete-policy: " Before-Hook-Creation"}
            """, "PersistentVolumeClaim/shop/data"),
        RuleCase.fires("hook-succeeded deletes a StatefulSet at the end of its phase", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}}
            """, "StatefulSet/db"),
        RuleCase.quiet("hook-failed with keep, as render writes it", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-failed, helm.sh/resource-policy: keep}
            """),
        RuleCase.quiet("a Secret that is no hook, and a ConfigMap hook recreated", """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: flags, annotations: {helm.sh/hook: pre-install}}
            """),
        RuleCase.quiet("a custom StatefulSet of another API group", """
            apiVersion: apps.example.com/v1
            kind: StatefulSet
            metadata: {name: db, annotations: {helm.sh/hook: pre-install}}
            """));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void findsDeletedDataHooks(RuleCase rule) {
    rule.assertFindings(new HookDeletesDataRule());
  }
}
