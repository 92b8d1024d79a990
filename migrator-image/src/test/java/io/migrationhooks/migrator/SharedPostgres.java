package io.migrationhooks.migrator;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class of a run the same PostgreSQL server (each test makes its own database), so
 * the suite pays for one initdb instead of one per class. JUnit closes it when the run ends.
 */
final class SharedPostgres implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public PostgresServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedPostgres.class))
                .getOrComputeIfAbsent(PostgresServer.class, type -> PostgresServer.start(), PostgresServer.class);
    }
}
