package io.wenzheng.intake.unitcommand;

import io.wenzheng.contracts.MalformedEventException;
import io.wenzheng.contracts.UnitCommand;
import io.wenzheng.contracts.UnitCommandType;
import io.wenzheng.intake.casework.CaseAction;
import io.wenzheng.intake.petition.PlainText;

/**
 * A unit's Kafka command as the workbench action it stands for, done by the unit whose topic it came on. Pure; the
 * same {@link CaseAction} rules then decide whether the petition's state allows it.
 */
public final class UnitCommandActions {
    /** The inbox's id column; departments pick their own ids, and a longer one could not be remembered. */
    static final int MAX_COMMAND_ID = 64;

    private UnitCommandActions() {
    }

    public static CaseAction of(UnitCommandType type, String unitCode, UnitCommand command) {
        String text = command.text(type);
        String clean = text == null ? null : PlainText.clean(text).strip();
        if (text != null && clean.isEmpty()) {
            throw new MalformedEventException(type.type() + ": \"" + type.requiredText() + "\" has no readable text");
        }
        return switch (type) {
            case SIGN_FOR -> new CaseAction.SignFor(unitCode);
            case RESPOND -> new CaseAction.Respond(unitCode, clean);
            case REPORT_PROGRESS -> new CaseAction.ReportProgress(unitCode, clean);
            case ASK_CITIZEN -> new CaseAction.AskCitizen(unitCode, clean);
            case RESOLVE -> new CaseAction.Resolve(unitCode, clean);
            case HAND_BACK -> new CaseAction.HandBack(unitCode, clean);
            // A transfer request is a hand-back that says where the unit believes the petition belongs; routing and
            // the operators decide, as for a request made by telephone.
            case REQUEST_TRANSFER -> new CaseAction.HandBack(unitCode, command.suggestedUnitCode() == null || command.suggestedUnitCode().isBlank()
                    ? "申请转办: " + clean : "申请转办至 " + command.suggestedUnitCode().strip() + ": " + clean);
        };
    }

    /** The command's id, which deduplicates it: present, and short enough to remember. */
    public static String commandId(String ceId) {
        if (ceId == null || ceId.isBlank()) {
            throw new MalformedEventException("command without ce_id");
        }
        if (ceId.length() > MAX_COMMAND_ID) {
            throw new MalformedEventException("command id is longer than " + MAX_COMMAND_ID + " characters");
        }
        return ceId;
    }
}
