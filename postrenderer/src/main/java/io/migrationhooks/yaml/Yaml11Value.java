package io.migrationhooks.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A scalar as Kubernetes reads it (sigs.k8s.io/yaml, go-yaml v2's YAML 1.1 rules), made by
 * {@link Yaml11Scalars}. {@link Invalid} is a scalar Helm and the API server refuse to read at all
 * (an explicit tag its text does not fit, such as {@code !!int abc}).
 */
public sealed interface Yaml11Value {
  record Null() implements Yaml11Value {}

  record Bool(boolean value) implements Yaml11Value {}

  /** An integer in go-yaml's range: int64, or uint64 above it. */
  record Int(BigInteger value) implements Yaml11Value {}

  record Float(double value) implements Yaml11Value {}

  record Str(String value) implements Yaml11Value {}

  record Invalid(String reason) implements Yaml11Value {}

  /** Go's json encoder writes floats from 1e21 on as {@code 1e+21}, which no integer field accepts. */
  double JSON_EXPONENT_FROM = 1e21;

  /**
   * The integer an integer field of the API receives: an {@link Int}, or a {@link Float} whose JSON
   * form is integral ({@code 3.0} and {@code 1e3} are written {@code 3} and {@code 1000}). Empty for
   * anything else: a string, even {@code "3"}, a bool, null, a fraction, {@code .inf} or {@code .nan}.
   */
  default Optional<BigInteger> apiInteger() {
    if (this instanceof Int integer) {
      return Optional.of(integer.value());
    }
    if (this instanceof Float floating) {
      double value = floating.value();
      if (Double.isFinite(value) && Math.abs(value) < JSON_EXPONENT_FROM && value == Math.rint(value)) {
        // the shortest decimal that reads back, as Go's encoder writes it
        return Optional.of(new BigDecimal(Double.toString(value)).toBigIntegerExact());
      }
    }
    return Optional.empty();
  }

  /** The JSON type the value reaches the API as, for messages: null, boolean, integer, number, string. */
  default String jsonType() {
    if (this instanceof Null) {
      return "null";
    }
    if (this instanceof Bool) {
      return "boolean";
    }
    if (this instanceof Str) {
      return "string";
    }
    if (this instanceof Invalid) {
      return "unreadable value";
    }
    return apiInteger().isPresent() ? "integer" : "number";
  }
}
