package io.wenzheng.routing.decision;

import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a unit by duty and locality: among units responsible for the category, one whose area the petition names
 * wins (属地管理); otherwise the city-level department answers. Low confidence or no responsible unit means triage.
 */
public final class Router {
    private final double minConfidence;

    public Router(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    public RoutingDecision route(Classification classification, String placeText, List<Unit> units) {
        if (!classification.known()) {
            return new RoutingDecision.Triage(null, 0.0, "no category recognised; an operator must classify it");
        }
        String evidence = "category " + classification.category() + " from " + String.join(", ", classification.evidence());
        if (classification.confidence() < minConfidence) {
            return new RoutingDecision.Triage(classification.category(), classification.confidence(),
                    evidence + String.format("; confidence %.2f is below %.2f", classification.confidence(), minConfidence));
        }
        List<Unit> responsible = units.stream().filter(u -> u.answersFor(classification.category())).toList();
        Optional<Unit> local = responsible.stream().filter(u -> u.covers(placeText))
                .max(Comparator.comparingInt(u -> u.level().ordinal()));
        if (local.isPresent()) {
            Unit unit = local.get();
            return new RoutingDecision.Routed(classification.category(), unit, classification.confidence(),
                    evidence + "; the petition names " + matchedArea(unit, placeText) + ", covered by " + unit.code());
        }
        Optional<Unit> cityWide = responsible.stream()
                .filter(u -> u.level() == UnitLevel.DEPARTMENT || u.level() == UnitLevel.CITY)
                .min(Comparator.comparing(Unit::code));
        if (cityWide.isPresent()) {
            return new RoutingDecision.Routed(classification.category(), cityWide.get(), classification.confidence(),
                    evidence + "; no local unit named, so the city department " + cityWide.get().code() + " answers");
        }
        return new RoutingDecision.Triage(classification.category(), classification.confidence(),
                evidence + "; no unit in the directory answers for " + classification.category());
    }

    private static String matchedArea(Unit unit, String text) {
        return unit.areas().stream().filter(text::contains).findFirst().orElse("?");
    }
}
