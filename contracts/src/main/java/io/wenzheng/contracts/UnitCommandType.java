package io.wenzheng.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a unit's own system may do to a petition through Kafka, on {@code unit.commands.<code>}: the same actions as
 * the unit workbench. The unit is the one whose topic the command arrived on, which only that unit's Kafka principal
 * may write; never a field of the command.
 */
public enum UnitCommandType implements CatalogueEntry {
    /** 签收. */
    SIGN_FOR("wenzheng.unit.sign-for.v1", null),
    /** The first response to the citizen. */
    RESPOND("wenzheng.unit.respond.v1", "message"),
    /** 进展. */
    REPORT_PROGRESS("wenzheng.unit.report-progress.v1", "message"),
    /** A question to the citizen; the message is the question. */
    ASK_CITIZEN("wenzheng.unit.ask-citizen.v1", "message"),
    /** 办结; the message is the answer the citizen receives. */
    RESOLVE("wenzheng.unit.resolve.v1", "message"),
    /** 回退: not this unit's business. */
    HAND_BACK("wenzheng.unit.hand-back.v1", "reason"),
    /** 申请转办: a hand-back that names the unit this one believes is responsible. */
    REQUEST_TRANSFER("wenzheng.unit.request-transfer.v1", "reason");

    private final String type;
    private final String requiredText;

    UnitCommandType(String type, String requiredText) {
        this.type = type;
        this.requiredText = requiredText;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return Topics.unitCommands("{unitCode}");
    }

    /** The data field this command cannot do without besides petitionId, or null. */
    public String requiredText() {
        return requiredText;
    }

    public static Optional<UnitCommandType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
