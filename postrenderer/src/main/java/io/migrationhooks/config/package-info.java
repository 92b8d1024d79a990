/**
 * The {@code --config} file, read with Jackson YAML into records and compiled into the plain
 * {@link io.migrationhooks.render.Settings} the rules use. Only loaded when a config file is given.
 */
package io.migrationhooks.config;
