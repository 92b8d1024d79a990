package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.yaml.Yaml11Value.Bool;
import io.migrationhooks.yaml.Yaml11Value.Float;
import io.migrationhooks.yaml.Yaml11Value.Int;
import io.migrationhooks.yaml.Yaml11Value.Invalid;
import io.migrationhooks.yaml.Yaml11Value.Null;
import io.migrationhooks.yaml.Yaml11Value.Str;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Expected values are go-yaml v2's (gopkg.in/yaml.v2 resolve.go with Go's strconv), as Kubernetes reads them. */
class Yaml11ScalarsTest {

  /** What a value reads as, written compactly: null, bool:true, int:8, float:1000.0, str:abc, invalid. */
  private static String shown(Yaml11Value value) {
    if (value instanceof Null) {
      return "null";
    }
    if (value instanceof Bool bool) {
      return "bool:" + bool.value();
    }
    if (value instanceof Int integer) {
      return "int:" + integer.value();
    }
    if (value instanceof Float floating) {
      return "float:" + floating.value();
    }
    if (value instanceof Str string) {
      return "str:" + string.value();
    }
    return "invalid";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``        | null",
      "~         | null",
      "null      | null",
      "Null      | null",
      "NULL      | null",
      "nULL      | str:nULL",
      "y         | bool:true",
      "Y         | bool:true",
      "yes       | bool:true",
      "Yes       | bool:true",
      "YES       | bool:true",
      "yEs       | str:yEs",
      "n         | bool:false",
      "N         | bool:false",
      "no        | bool:false",
      "No        | bool:false",
      "NO        | bool:false",
      "true      | bool:true",
      "True      | bool:true",
      "TRUE      | bool:true",
      "false     | bool:false",
      "False     | bool:false",
      "FALSE     | bool:false",
      "on        | bool:true",
      "On        | bool:true",
      "ON        | bool:true",
      "off       | bool:false",
      "Off       | bool:false",
      "OFF       | bool:false",
      "o         | str:o",
      "0         | int:0",
      "-0        | int:0",
      "3         | int:3",
      "+3        | int:3",
      "-3        | int:-3",
      "1_0       | int:10",
      "1__000_   | int:1000",
      "_1        | str:_1",
      "010       | int:8",
      "-010      | int:-8",
      "0_10      | int:8",
      "0o7       | int:7",
      "0O17      | int:15",
      "0x2       | int:2",
      "0X1f      | int:31",
      "+0x1F     | int:31",
      "-0x10     | int:-16",
      "0x_ff     | int:255",
      "0b101     | int:5",
      "-0b101    | int:-5",
      "0B11      | int:3",
      "0x        | str:0x",
      "0b2       | str:0b2",
      "0xg       | str:0xg",
      "08        | float:8.0",
      "09.5      | float:9.5",
      "019       | float:19.0",
      "9223372036854775807  | int:9223372036854775807",
      "9223372036854775808  | int:9223372036854775808",
      "18446744073709551615 | int:18446744073709551615",
      "18446744073709551616 | float:1.8446744073709552E19",
      "-9223372036854775808 | int:-9223372036854775808",
      "-9223372036854775809 | float:-9.223372036854776E18",
      "+9223372036854775808 | float:9.223372036854776E18",
      "0x10000000000000000  | str:0x10000000000000000",
      "3.0       | float:3.0",
      "3.        | float:3.0",
      "-.5       | float:-0.5",
      "+.5       | float:0.5",
      ".5        | float:0.5",
      ".5e3      | float:500.0",
      "1e3       | float:1000.0",
      "1E3       | float:1000.0",
      "1e+3      | float:1000.0",
      "1.5e-3    | float:0.0015",
      "1_000.5   | float:1000.5",
      "1e400     | str:1e400",
      "-1e400    | str:-1e400",
      "1e-400    | float:0.0",
      "1e        | str:1e",
      "e3        | str:e3",
      ".         | str:.",
      ".e3       | str:.e3",
      ".inf      | float:Infinity",
      ".Inf      | float:Infinity",
      ".INF      | float:Infinity",
      "+.inf     | float:Infinity",
      "-.Inf     | float:-Infinity",
      ".nan      | float:NaN",
      ".NaN      | float:NaN",
      ".NAN      | float:NaN",
      ".iNf      | str:.iNf",
      "+.nan     | str:+.nan",
      "inf       | str:inf",
      "nan       | str:nan",
      "Infinity  | str:Infinity",
      "0x1p3     | str:0x1p3",
      "1:30      | str:1:30",
      "190:20:30 | str:190:20:30",
      "2001-12-14 | str:2001-12-14",
      "1.2.3     | str:1.2.3",
      "+         | str:+",
      "-         | str:-",
      "<<        | str:<<",
      "٣         | str:٣",
      "25%       | str:25%",
      "3d        | str:3d",
      "1_0_0x    | str:1_0_0x"})
  void readsPlainScalarsAsGoYamlV2(String text, String expected) {
    assertThat(shown(Yaml11Scalars.plain(text))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "v: 3 => int:3",
      "v: '3' => str:3",
      "v: \"0x2\" => str:0x2",
      "v: \"\" => str:",
      "v: '' => str:",
      "v: 'yes' => str:yes",
      "v: |\\n  3\\n => str:3\\n",
      "v: >-\\n  true\\n => str:true",
      "v: !!str 3 => str:3",
      "v: !!str yes => str:yes",
      "v: !!str ~ => str:~",
      "v: !!int '3' => int:3",
      "v: !!int \"010\" => int:8",
      "v: !!int 3.0 => invalid",
      "v: !!int abc => invalid",
      "v: !!float 3 => float:3.0",
      "v: !!float '1e3' => float:1000.0",
      "v: !!float abc => invalid",
      "v: !!bool yes => bool:true",
      "v: !!bool 1 => invalid",
      "v: !!null ~ => null",
      "v: !!null '' => null",
      "v: !!null x => invalid",
      "v: !!binary aGVsbG8= => str:hello",
      "v: !!binary '%%' => invalid",
      "v: !custom 3 => str:3",
      "v: !!timestamp 2001-12-14 => str:2001-12-14"})
  void readsStylesAndTagsFromTheComposedNode(String yaml, String expected) {
    String document = yaml.replace("\\n", "\n");
    MappingNode root = (MappingNode) YamlStream.parse(document, Limits.DEFAULT).get(0).root();
    ScalarNode value = (ScalarNode) root.getValue().get(0).getValueNode();

    assertThat(shown(Yaml11Scalars.resolve(value))).isEqualTo(expected.replace("\\n", "\n"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "3        | 3",
      "0x2      | 2",
      "+3       | 3",
      "1_0      | 10",
      "010      | 8",
      "08       | 8",
      "3.0      | 3",
      "1e3      | 1000",
      "-0.0     | 0",
      "1e20     | 100000000000000000000",
      "18446744073709551615 | 18446744073709551615"})
  void integralValuesReachTheApiAsIntegers(String text, String integer) {
    assertThat(Yaml11Scalars.plain(text).apiInteger()).contains(new BigInteger(integer));
  }

  @Test
  void nonIntegralValuesAreNoApiIntegers() {
    for (String text : List.of("3.5", "1e21", "1e300", ".inf", "-.inf", ".nan", "true", "~", "abc", "1e-3")) {
      assertThat(Yaml11Scalars.plain(text).apiInteger()).as(text).isEmpty();
    }
    assertThat(Yaml11Scalars.resolve("3", false, null).apiInteger()).as("quoted \"3\"").isEmpty();
  }

  @Test
  void namesTheJsonTypeForMessages() {
    assertThat(Yaml11Scalars.resolve("3", false, null).jsonType()).isEqualTo("string");
    assertThat(Yaml11Scalars.plain("3.0").jsonType()).isEqualTo("integer");
    assertThat(Yaml11Scalars.plain("3.5").jsonType()).isEqualTo("number");
    assertThat(Yaml11Scalars.plain("yes").jsonType()).isEqualTo("boolean");
    assertThat(Yaml11Scalars.plain("~").jsonType()).isEqualTo("null");
    assertThat(Yaml11Scalars.resolve("abc", true, "tag:yaml.org,2002:int")).isInstanceOf(Invalid.class);
  }

  @Test
  void longDigitStringsAreReadWithoutParsingThemWhole() {
    String digits = "1".repeat(1_000_000);
    assertThat(shown(Yaml11Scalars.plain(digits))).isEqualTo("str:" + digits);
  }
}
