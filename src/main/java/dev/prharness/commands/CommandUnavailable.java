package dev.prharness.commands;

/** A command that cannot run here, with a message written for the person who asked (no internals in it). */
final class CommandUnavailable extends RuntimeException {

    CommandUnavailable(String message) {
        super(message);
    }
}
