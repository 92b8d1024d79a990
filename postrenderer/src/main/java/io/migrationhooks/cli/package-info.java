/**
 * The picocli front end. New subcommands are registered in
 * {@link io.migrationhooks.cli.MigrationHooksCommand#commandLine}; errors go through
 * {@link io.migrationhooks.cli.ErrorHandlers} (one line, exit codes in {@link io.migrationhooks.cli.ExitCodes}).
 */
package io.migrationhooks.cli;
