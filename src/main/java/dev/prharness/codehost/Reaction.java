package dev.prharness.codehost;

import java.time.Instant;

/** A reaction on a comment: its id, who reacted (and whether that is a bot), the emoji's name ({@code +1}, {@code -1}, …). */
public record Reaction(long id, String user, boolean bot, String content, Instant at) {}
