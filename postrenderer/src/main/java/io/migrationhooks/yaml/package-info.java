/**
 * Faithful YAML handling: {@link io.migrationhooks.yaml.YamlStream} splits a stream into raw
 * documents with node trees and positions; {@link io.migrationhooks.yaml.DocumentEditor} turns
 * wanted values into {@link io.migrationhooks.yaml.TextEdit}s of the raw text. Nothing is ever
 * re-serialized, so what no edit touches stays byte for byte.
 */
package io.migrationhooks.yaml;
