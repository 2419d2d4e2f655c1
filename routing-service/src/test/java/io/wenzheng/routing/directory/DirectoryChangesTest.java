package io.wenzheng.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.DirectoryEvent;
import io.wenzheng.contracts.DirectoryEvent.Change;
import io.wenzheng.contracts.RoutingRuleChanged;
import io.wenzheng.contracts.UnitChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryChangesTest {
    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");
    private static final Unit CITY = new Unit("A", "A市", null, UnitLevel.CITY, List.of(), List.of("A市"), null, List.of(), null, null);
    private static final Unit A3 = new Unit("A3", "A3区", "A", UnitLevel.DISTRICT, List.of("城乡建设"), List.of("A3区"), null, List.of(), null, "a3@a.gov.cn");
    private static final RoutingRule LEAD = new RoutingRule("lead-env", "环境保护", null, "A3", 10);

    @Test
    void theSameDirectoryAgainSaysNothing() {
        assertThat(DirectoryChanges.between(List.of(CITY, A3), List.of(LEAD), List.of(CITY, A3), List.of(LEAD), "v1", AT)).isEmpty();
    }

    @Test
    void eachAddedChangedOrRemovedUnitAndRuleIsOneEvent() {
        Unit renamed = new Unit("A3", "A3区人民政府", "A", UnitLevel.DISTRICT, List.of("城乡建设"), List.of("A3区"), null, List.of(), null, "a3@a.gov.cn");
        Unit a4 = new Unit("A4", "A4区", "A", UnitLevel.DISTRICT, List.of(), List.of("A4区"), null, List.of(), null, null);
        RoutingRule moved = new RoutingRule("lead-env", "环境保护", null, "A4", 10);
        RoutingRule airport = new RoutingRule("airport", null, "机场", "A4", 50);

        List<DirectoryEvent> events = DirectoryChanges.between(List.of(CITY, A3), List.of(LEAD),
                List.of(renamed, a4), List.of(moved, airport), "v2", AT);

        assertThat(events).filteredOn(UnitChanged.class::isInstance).map(UnitChanged.class::cast)
                .extracting(e -> e.unitCode() + " " + e.change())
                .containsExactlyInAnyOrder("A3 UPDATED", "A4 ADDED", "A REMOVED");
        assertThat(events).filteredOn(RoutingRuleChanged.class::isInstance).map(RoutingRuleChanged.class::cast)
                .extracting(e -> e.ruleName() + " " + e.change() + " " + e.rule().unitCode())
                .containsExactlyInAnyOrder("lead-env UPDATED A4", "airport ADDED A4");
        UnitChanged updated = events.stream().filter(UnitChanged.class::isInstance).map(UnitChanged.class::cast)
                .filter(e -> e.unitCode().equals("A3")).findFirst().orElseThrow();
        assertThat(updated.unit().name()).isEqualTo("A3区人民政府");
        assertThat(updated.unit().level()).isEqualTo("DISTRICT");
        assertThat(updated.directoryVersion()).isEqualTo("v2");
        UnitChanged removed = events.stream().filter(UnitChanged.class::isInstance).map(UnitChanged.class::cast)
                .filter(e -> e.change() == Change.REMOVED).findFirst().orElseThrow();
        assertThat(removed.unit().name()).as("a removal carries the unit as it was").isEqualTo("A市");
    }

    @Test
    void anUpsertDoesNotRemoveTheUnitsItDoesNotName() {
        assertThat(DirectoryChanges.units(List.of(CITY, A3), List.of(A3), false, "v1", AT)).isEmpty();
    }

    @Test
    void aRuleEditIsAnEventOnlyWhenItChangesSomething() {
        assertThat(DirectoryChanges.rule(LEAD, LEAD, "v1", AT)).isEmpty();
        assertThat(DirectoryChanges.rule(null, LEAD, "v1", AT)).get().extracting(e -> ((RoutingRuleChanged) e).change()).isEqualTo(Change.ADDED);
        assertThat(DirectoryChanges.rule(LEAD, null, "v1", AT)).get().extracting(e -> ((RoutingRuleChanged) e).change()).isEqualTo(Change.REMOVED);
    }
}
