package io.wenzheng.contracts;

import java.util.List;

/** Kafka topic names fixed by the architecture brief. */
public final class Topics {
    public static final String LIFECYCLE = "petition.lifecycle";
    public static final String SLA = "petition.sla";
    public static final String INSIGHT = "petition.insight";
    public static final String UNIT_COMMANDS = "unit.commands";
    /** The unit directory's changes, keyed by unit code or rule name; added to the brief's topics by issue 4. */
    public static final String DIRECTORY = "directory.changes";

    /** Topics every stack creates up front; unit feeds are created as units are registered. */
    public static final List<String> CORE = List.of(LIFECYCLE, SLA, INSIGHT, UNIT_COMMANDS, DIRECTORY);

    private Topics() {
    }

    public static String unitFeed(String unitCode) {
        return "unit." + unitCode + ".feed";
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** The core topics and their dead-letter twins. */
    public static List<String> coreWithDeadLetters() {
        return CORE.stream().flatMap(t -> java.util.stream.Stream.of(t, deadLetter(t))).toList();
    }
}
