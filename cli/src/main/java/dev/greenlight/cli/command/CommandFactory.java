package dev.greenlight.cli.command;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, handing the {@link CliContext} to every command whose
 * constructor asks for it.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(CliContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
        // Commands stay package-private in their feature packages; picocli reflects on them the same way.
        constructor.setAccessible(true);
        return constructor.newInstance(context);
    }
}
