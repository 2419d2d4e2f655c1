package io.wenzheng.routing.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.routing.classifier.SubcategoryLexicon;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operator's triage decision without a database: which unit, what event, or why not. */
class OperatorRoutingTest {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Unit CITY = new Unit("A", "A市人民政府", null, UnitLevel.CITY, List.of(), List.of(), "cn", List.of(), null, null);
    private static final Unit ENV = new Unit("A-ENV", "市生态环境局", "A", UnitLevel.DEPARTMENT, List.of("环境保护"), List.of(), "cn",
            List.of(), null, null);
    private static final Unit A3 = new Unit("A3", "A3区人民政府", "A", UnitLevel.DISTRICT, List.of("环境保护", "城乡建设"), List.of("A3区"),
            "cn", List.of(), null, null);
    private static final List<Unit> UNITS = List.of(CITY, ENV, A3);
    private static final SubcategoryLexicon NO_SUBCATEGORIES = SubcategoryLexicon.fromTaxonomy(List.of());
    private static final OperatorRouting.Petition NOISE = new OperatorRouting.Petition("p-1", "噪音", "A3区工地夜间施工噪音", null);

    @Test
    void withoutANamedUnitTheRulesPickTheLocalOneAndTheEventSaysAnOperatorDecided() {
        OperatorRouting outcome = OperatorRouting.decide(NOISE, "环境保护", null, UNITS, List.of(), NO_SUBCATEGORIES, NOW);
        assertThat(outcome).isInstanceOfSatisfying(OperatorRouting.Routed.class, r -> {
            assertThat(r.unit()).isEqualTo(A3);
            assertThat(r.reason()).isEqualTo("operator decision: category 环境保护, unit by routing rules");
            assertThat(r.event().confidence()).isEqualTo(1.0);
            assertThat(r.event().explanation().rule()).isEqualTo("operator");
            assertThat(r.event().routedAt()).isEqualTo(NOW);
            assertThat(r.event().districtCode()).isEqualTo("A3");
        });
    }

    @Test
    void aNamedUnitIsTakenAsNamed() {
        OperatorRouting outcome = OperatorRouting.decide(NOISE, "环境保护", "A-ENV", UNITS, List.of(), NO_SUBCATEGORIES, NOW);
        assertThat(outcome).isInstanceOfSatisfying(OperatorRouting.Routed.class, r -> {
            assertThat(r.unit()).isEqualTo(ENV);
            assertThat(r.reason()).endsWith(", unit A-ENV");
            assertThat(r.event().unitName()).isEqualTo("市生态环境局");
        });
    }

    @Test
    void anUnknownUnitOrACategoryNobodyAnswersForIsRefusedNamingTheField() {
        assertThat(OperatorRouting.decide(NOISE, "环境保护", "NOPE", UNITS, List.of(), NO_SUBCATEGORIES, NOW))
                .isEqualTo(new OperatorRouting.Refused("unitCode", "no unit NOPE in the directory"));
        assertThat(OperatorRouting.decide(NOISE, "卫生计生", null, UNITS, List.of(), NO_SUBCATEGORIES, NOW))
                .isInstanceOfSatisfying(OperatorRouting.Refused.class, r -> assertThat(r.detail()).contains("卫生计生"));
    }
}
