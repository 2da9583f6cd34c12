package dev.greenlight.cli.command;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Whether the process runs attached to a terminal. */
public final class Terminal {
    private Terminal() {
    }

    /**
     * True when a person is at a terminal. Up to Java 21 a console exists only then; newer Java
     * always has one and says through {@code Console.isTerminal()}, which this code, built for 21,
     * can only reach by reflection.
     */
    public static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
