package io.wenzheng.routing.decision;

import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.Evidence;
import io.wenzheng.routing.directory.RoutingRule;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses a unit, in this order: an override rule whose place the petition names; the most local responsible unit
 * whose area or landmark the petition names (属地管理); the most local responsible unit whose territory holds the
 * petition's coordinates; the category's lead department; any city-level unit that answers for the category. Low
 * confidence or no responsible unit means triage. Every decision says which rule chose and which words decided.
 */
public final class Router {
    private final double minConfidence;

    public Router(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    /**
     * A petition taken over from an earlier system: the unit that system gave it to, when the directory knows it.
     * Otherwise routing chooses as usual, but acts on any confidence: history does not wait for an operator, and only
     * a category no unit answers for still goes to triage.
     */
    public RoutingDecision recorded(Classification classification, String unitCode, PlaceClues clues, List<Unit> units, List<RoutingRule> rules) {
        Optional<Unit> given = units.stream().filter(u -> u.code().equals(unitCode)).findFirst();
        if (given.isPresent()) {
            Unit unit = given.get();
            String category = classification.known() ? classification.category() : unit.duties().isEmpty() ? null : unit.duties().get(0);
            return new RoutingDecision.Routed(category, unit, 1.0, "imported", List.of(),
                    "imported: the earlier system gave it to " + unit.code() + " (" + unit.name() + ")");
        }
        return new Router(0.0).route(classification, clues, units, rules);
    }

    public RoutingDecision route(Classification classification, PlaceClues clues, List<Unit> units, List<RoutingRule> rules) {
        if (!classification.known()) {
            return new RoutingDecision.Triage(null, 0.0, RoutingDecision.Why.NO_CATEGORY, List.of(), "no category recognised; an operator must classify it");
        }
        String category = classification.category();
        String evidence = "category " + category + " from " + String.join(", ", classification.evidence());
        if (classification.confidence() < minConfidence) {
            return new RoutingDecision.Triage(category, classification.confidence(), RoutingDecision.Why.LOW_CONFIDENCE,
                    Evidence.forPeople(classification.evidence()), evidence + String.format("; confidence %.2f is below %.2f", classification.confidence(), minConfidence));
        }
        Map<String, Unit> byCode = units.stream().collect(Collectors.toMap(Unit::code, Function.identity(), (a, b) -> a));

        Optional<RoutingRule> override = rules.stream()
                .filter(r -> r.isOverride() && r.appliesTo(category) && r.namedIn(clues.text()) && byCode.containsKey(r.unitCode()))
                .max(Comparator.comparingInt(RoutingRule::priority));
        if (override.isPresent()) {
            RoutingRule rule = override.get();
            return routed(classification, byCode.get(rule.unitCode()), "override:" + rule.name(), rule.place(),
                    evidence + "; override rule '" + rule.name() + "': the petition names " + rule.place());
        }

        List<Unit> responsible = units.stream().filter(u -> u.answersFor(category)).toList();
        Optional<Unit> named = responsible.stream().filter(u -> u.level() != UnitLevel.CITY && u.covers(clues.text()))
                .max(Comparator.<Unit>comparingInt(u -> u.level().ordinal())
                        .thenComparingInt(u -> u.placeNamedIn(clues.text()).orElse("").length()));
        if (named.isPresent()) {
            Unit unit = named.get();
            String place = unit.placeNamedIn(clues.text()).orElseThrow();
            return routed(classification, unit, "locality", place,
                    evidence + "; the petition names " + place + ", covered by " + unit.code());
        }

        if (clues.hasCoordinates()) {
            Optional<Unit> around = responsible.stream()
                    .filter(u -> u.territory() != null && u.territory().contains(clues.latitude(), clues.longitude()))
                    .filter(u -> u.level() != UnitLevel.CITY)
                    .max(Comparator.<Unit>comparingInt(u -> u.level().ordinal())
                            .thenComparingDouble(u -> -u.territory().distanceKm(clues.latitude(), clues.longitude())));
            if (around.isPresent()) {
                String point = String.format("%.4f,%.4f", clues.latitude(), clues.longitude());
                return routed(classification, around.get(), "coordinates", point,
                        evidence + "; the coordinates " + point + " lie in the territory of " + around.get().code());
            }
        }

        Optional<RoutingRule> lead = rules.stream()
                .filter(r -> !r.isOverride() && r.appliesTo(category) && byCode.containsKey(r.unitCode()))
                .max(Comparator.comparingInt(RoutingRule::priority));
        if (lead.isPresent()) {
            Unit unit = byCode.get(lead.get().unitCode());
            return routed(classification, unit, "lead:" + lead.get().name(), null,
                    evidence + "; no locality named, so the lead department " + unit.code() + " answers");
        }
        Optional<Unit> cityWide = responsible.stream()
                .filter(u -> u.level() == UnitLevel.DEPARTMENT || u.level() == UnitLevel.CITY)
                .min(Comparator.comparing(Unit::code));
        if (cityWide.isPresent()) {
            return routed(classification, cityWide.get(), "city-department", null,
                    evidence + "; no local unit named, so the city department " + cityWide.get().code() + " answers");
        }
        return new RoutingDecision.Triage(category, classification.confidence(), RoutingDecision.Why.NO_UNIT,
                Evidence.forPeople(classification.evidence()), evidence + "; no unit in the directory answers for " + category);
    }

    private static RoutingDecision.Routed routed(Classification c, Unit unit, String rule, String place, String reason) {
        List<String> terms = new ArrayList<>(c.evidence());
        if (place != null) {
            terms.add(place);
        }
        return new RoutingDecision.Routed(c.category(), unit, c.confidence(), rule, List.copyOf(terms), reason);
    }
}
