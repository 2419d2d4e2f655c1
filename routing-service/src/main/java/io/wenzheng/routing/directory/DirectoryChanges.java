package io.wenzheng.routing.directory;

import io.wenzheng.contracts.DirectoryEvent;
import io.wenzheng.contracts.DirectoryEvent.Change;
import io.wenzheng.contracts.DirectoryUnit;
import io.wenzheng.contracts.RoutingRuleChanged;
import io.wenzheng.contracts.UnitChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two states of the directory, as the events that announce it: one per unit or rule added,
 * changed or removed, and none for what stayed the same. Pure, so that a reload of the same file says nothing.
 */
public final class DirectoryChanges {
    private DirectoryChanges() {
    }

    /** A whole version replaced another: units and rules missing from {@code after} were removed. */
    public static List<DirectoryEvent> between(List<Unit> unitsBefore, List<RoutingRule> rulesBefore, List<Unit> unitsAfter,
                                               List<RoutingRule> rulesAfter, String version, Instant at) {
        List<DirectoryEvent> events = new ArrayList<>(units(unitsBefore, unitsAfter, true, version, at));
        Map<String, RoutingRule> before = byKey(rulesBefore, RoutingRule::name);
        Map<String, RoutingRule> after = byKey(rulesAfter, RoutingRule::name);
        after.forEach((name, rule) -> rule(before.get(name), rule, version, at).ifPresent(events::add));
        before.forEach((name, rule) -> {
            if (!after.containsKey(name)) {
                rule(rule, null, version, at).ifPresent(events::add);
            }
        });
        return events;
    }

    /** @param removeMissing whether a unit absent from {@code after} was removed (a whole load) or just not named (an upsert) */
    public static List<DirectoryEvent> units(List<Unit> before, List<Unit> after, boolean removeMissing, String version, Instant at) {
        Map<String, Unit> old = byKey(before, Unit::code);
        Map<String, Unit> now = byKey(after, Unit::code);
        List<DirectoryEvent> events = new ArrayList<>();
        now.forEach((code, unit) -> {
            Unit was = old.get(code);
            if (was == null) {
                events.add(new UnitChanged(code, Change.ADDED, contract(unit), version, at));
            } else if (!was.equals(unit)) {
                events.add(new UnitChanged(code, Change.UPDATED, contract(unit), version, at));
            }
        });
        if (removeMissing) {
            old.forEach((code, unit) -> {
                if (!now.containsKey(code)) {
                    events.add(new UnitChanged(code, Change.REMOVED, contract(unit), version, at));
                }
            });
        }
        return events;
    }

    /** One rule's change; empty when it is the same. The event carries the rule as it is now, or was when removed. */
    public static java.util.Optional<DirectoryEvent> rule(RoutingRule before, RoutingRule after, String version, Instant at) {
        if (Objects.equals(before, after) || (before == null && after == null)) {
            return java.util.Optional.empty();
        }
        RoutingRule shown = after == null ? before : after;
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.UPDATED;
        return java.util.Optional.of(new RoutingRuleChanged(shown.name(), change,
                new RoutingRuleChanged.Rule(shown.category(), shown.place(), shown.unitCode(), shown.priority()), version, at));
    }

    static DirectoryUnit contract(Unit u) {
        return new DirectoryUnit(u.code(), u.name(), u.parentCode(), u.level() == null ? null : u.level().name(), u.duties(), u.areas(),
                u.calendarRegion(), u.landmarks(), u.escalationContact(), u.seesSubordinates());
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
