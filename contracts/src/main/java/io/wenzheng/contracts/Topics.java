package io.wenzheng.contracts;

import java.util.List;

/** Kafka topic names fixed by the architecture brief. */
public final class Topics {
    public static final String LIFECYCLE = "petition.lifecycle";
    public static final String SLA = "petition.sla";
    public static final String INSIGHT = "petition.insight";
    /** A unit's commands arrive on {@code unit.commands.<code>}, which only that unit's principal may write. */
    public static final String UNIT_COMMANDS_PREFIX = "unit.commands.";
    /** Commands that cannot be read, with the reason in headers. */
    public static final String UNIT_COMMANDS_DLQ = "unit.commands.dlq";
    /** Every unit's command topic and not the dead-letter one. */
    public static final String UNIT_COMMANDS_PATTERN = "unit\\.commands\\.(?!dlq$)[A-Za-z0-9_-]+";
    /** The unit directory's changes, keyed by unit code or rule name; added to the brief's topics by issue 4. */
    public static final String DIRECTORY = "directory.changes";

    /** Topics every stack creates up front; unit feeds are created as units are registered. */
    public static final List<String> CORE = List.of(LIFECYCLE, SLA, INSIGHT, DIRECTORY);

    private Topics() {
    }

    public static String unitFeed(String unitCode) {
        return "unit." + unitCode + ".feed";
    }

    public static String unitCommands(String unitCode) {
        return UNIT_COMMANDS_PREFIX + unitCode;
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** The core topics and their dead-letter twins. */
    public static List<String> coreWithDeadLetters() {
        return java.util.stream.Stream.concat(CORE.stream().flatMap(t -> java.util.stream.Stream.of(t, deadLetter(t))),
                java.util.stream.Stream.of(UNIT_COMMANDS_DLQ)).toList();
    }
}
