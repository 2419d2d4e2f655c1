package io.wenzheng.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 转办 without a database: the event, the routing record's reason, or why not. */
class TransferDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Unit CITY = new Unit("A", "A市人民政府", null, UnitLevel.CITY, List.of(), List.of(), "cn", List.of(), null, null);
    private static final Unit ENV = new Unit("A-ENV", "市生态环境局", "A", UnitLevel.DEPARTMENT, List.of("环境保护"), List.of(), "cn",
            List.of(), null, null);
    /** A district government that sees its departments' petitions. */
    private static final Unit A3 = new Unit("A3", "A3区人民政府", "A", UnitLevel.DISTRICT, List.of("环境保护"), List.of("A3区"),
            "a3", List.of(), null, null, true);
    private static final Unit A3_ENV = new Unit("A3-ENV", "A3区生态环境分局", "A3", UnitLevel.DEPARTMENT, List.of("环境保护"), List.of(),
            "a3", List.of(), null, null);
    private static final List<Unit> UNITS = List.of(CITY, ENV, A3, A3_ENV);
    private static final TransferDecision.Routed WITH_ENV = new TransferDecision.Routed("p-1", "A-ENV", "环境保护");

    @Test
    void aTransferMovesThePetitionAndTellsWhereItCameFromAndWhoSupervisesItNow() {
        TransferDecision outcome = TransferDecision.decide(WITH_ENV, "A3-ENV", "  工地在A3区，属地管理  ", UNITS, NOW);
        assertThat(outcome).isInstanceOfSatisfying(TransferDecision.Moved.class, moved -> {
            assertThat(moved.event().fromUnitCode()).isEqualTo("A-ENV");
            assertThat(moved.event().toUnitCode()).isEqualTo("A3-ENV");
            assertThat(moved.event().toUnitName()).isEqualTo("A3区生态环境分局");
            assertThat(moved.event().category()).isEqualTo("环境保护");
            assertThat(moved.event().reason()).isEqualTo("工地在A3区，属地管理");
            assertThat(moved.event().toDistrictCode()).isEqualTo("A3");
            assertThat(moved.event().toSupervisingUnits()).containsExactly("A3");
            assertThat(moved.event().calendarRegion()).isEqualTo("a3");
            assertThat(moved.recordedReason()).isEqualTo("transferred from A-ENV: 工地在A3区，属地管理");
        });
    }

    @Test
    void aTransferToTheUnitThatHasItOrToNoUnitIsRefused() {
        assertThat(TransferDecision.decide(WITH_ENV, "A-ENV", "再看看", UNITS, NOW)).isEqualTo(new TransferDecision.AlreadyThere("A-ENV"));
        assertThat(TransferDecision.decide(WITH_ENV, "NOPE", "再看看", UNITS, NOW)).isEqualTo(new TransferDecision.UnknownUnit("NOPE"));
    }
}
