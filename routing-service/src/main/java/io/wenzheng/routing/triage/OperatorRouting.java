package io.wenzheng.routing.triage;

import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.RoutingExplanation;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.SubcategoryLexicon;
import io.wenzheng.routing.decision.PetitionRouting;
import io.wenzheng.routing.decision.PlaceClues;
import io.wenzheng.routing.decision.Router;
import io.wenzheng.routing.decision.RoutingDecision;
import io.wenzheng.routing.directory.RoutingRule;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitTree;
import java.time.Instant;
import java.util.List;

/**
 * What an operator's decision on a triage case becomes, as a pure decision: the unit (the one named, or the one the
 * routing rules give the category at the petition's place) and the {@code petition-routed} event; or why it cannot be.
 */
public sealed interface OperatorRouting {

    /** The decision cannot be carried out as given; {@code field} names what to change. */
    record Refused(String field, String detail) implements OperatorRouting {
    }

    record Routed(Unit unit, String reason, PetitionRouted event) implements OperatorRouting {
    }

    /** The petition as triage holds it. */
    record Petition(String petitionId, String subject, String body, String address) {
    }

    static OperatorRouting decide(Petition petition, String category, String unitCode, List<Unit> units, List<RoutingRule> rules,
                                  SubcategoryLexicon subcategories, Instant now) {
        Unit unit;
        if (unitCode != null) {
            unit = units.stream().filter(u -> u.code().equals(unitCode)).findFirst().orElse(null);
            if (unit == null) {
                return new Refused("unitCode", "no unit " + unitCode + " in the directory");
            }
        } else {
            PlaceClues place = PlaceClues.of(petition.subject(), petition.body(), petition.address(), null, null);
            RoutingDecision routed = new Router(0).route(new Classification(category, 1.0, List.of("operator")), place, units, rules);
            if (!(routed instanceof RoutingDecision.Routed r)) {
                return new Refused("unitCode", "no unit answers for " + category + "; name the unit");
            }
            unit = r.unit();
        }
        String reason = "operator decision: category " + category + (unitCode == null ? ", unit by routing rules" : ", unit " + unit.code());
        UnitTree tree = new UnitTree(units);
        PetitionRouted event = new PetitionRouted(petition.petitionId(), category, unit.code(), unit.name(), 1.0, reason, now,
                unit.calendarRegion(), new RoutingExplanation("operator", List.of()), tree.districtOf(unit.code()),
                tree.supervisorsOf(unit.code()), PetitionRouting.subcategory(subcategories, category, petition.subject(), petition.body()));
        return new Routed(unit, reason, event);
    }
}
