package io.wenzheng.routing.decision;

import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitTree;
import java.time.Instant;
import java.util.List;

/**
 * 转办, as a pure decision: moving a routed petition from its unit to another, with a reason. It answers the event and
 * what the petition's routing record becomes, or why the transfer cannot be.
 */
public sealed interface TransferDecision {

    /** The petition is with that unit already. */
    record AlreadyThere(String unitCode) implements TransferDecision {
    }

    /** The directory has no such unit. */
    record UnknownUnit(String unitCode) implements TransferDecision {
    }

    /** The petition moves: the event to announce, and the reason its routing record now gives. */
    record Moved(PetitionTransferred event, String recordedReason) implements TransferDecision {
    }

    /** Where a routed petition is now. */
    record Routed(String petitionId, String unitCode, String category) {
    }

    static TransferDecision decide(Routed current, String toUnitCode, String reason, List<Unit> units, Instant now) {
        if (toUnitCode.equals(current.unitCode())) {
            return new AlreadyThere(toUnitCode);
        }
        Unit unit = units.stream().filter(u -> u.code().equals(toUnitCode)).findFirst().orElse(null);
        if (unit == null) {
            return new UnknownUnit(toUnitCode);
        }
        UnitTree tree = new UnitTree(units);
        String why = reason.strip();
        PetitionTransferred event = new PetitionTransferred(current.petitionId(), current.unitCode(), unit.code(), unit.name(),
                current.category(), why, now, unit.calendarRegion(), tree.districtOf(unit.code()), tree.supervisorsOf(unit.code()));
        return new Moved(event, "transferred from " + current.unitCode() + ": " + why);
    }
}
