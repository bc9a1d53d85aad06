package dev.prharness.cli;

import java.io.Console;

/** Whether standard output is an interactive terminal (for colour and progress lines). */
final class Terminal {

    private Terminal() {}

    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
