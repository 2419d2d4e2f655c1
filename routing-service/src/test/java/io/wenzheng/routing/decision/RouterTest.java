package io.wenzheng.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Unit ENV = new Unit("A-ENV", "A市生态环境局", "A", UnitLevel.DEPARTMENT, List.of("环境保护"), List.of(), null);
    private static final Unit A3 = new Unit("A3", "A3区人民政府", "A", UnitLevel.DISTRICT, List.of("环境保护", "城乡建设"), List.of("A3区"), null);
    private static final Unit STREET = new Unit("A3-XS", "星沙街道", "A3", UnitLevel.STREET, List.of("城乡建设"), List.of("星沙"), "cn");
    private static final List<Unit> UNITS = List.of(ENV, A3, STREET);
    private final Router router = new Router(0.5);

    @Test
    void theLocalUnitWinsWhenThePetitionNamesItsArea() {
        var decision = router.route(new Classification("环境保护", 0.8, List.of("噪音")), "A3区某工地噪音", UNITS);
        assertThat(decision).isInstanceOf(RoutingDecision.Routed.class);
        assertThat(((RoutingDecision.Routed) decision).unit()).isEqualTo(A3);
        assertThat(decision.reason()).contains("噪音").contains("A3区").contains("A3");
    }

    @Test
    void theMostLocalResponsibleUnitWins() {
        var decision = (RoutingDecision.Routed) router.route(new Classification("城乡建设", 0.9, List.of("物业")), "A3区星沙物业不作为", UNITS);
        assertThat(decision.unit()).isEqualTo(STREET);
    }

    @Test
    void withoutAPlaceTheCityDepartmentAnswers() {
        var decision = (RoutingDecision.Routed) router.route(new Classification("环境保护", 1.0, List.of("污染")), "河水污染", UNITS);
        assertThat(decision.unit()).isEqualTo(ENV);
        assertThat(decision.reason()).contains("city department A-ENV");
    }

    @Test
    void lowConfidenceGoesToTriageWithTheSuggestion() {
        var decision = router.route(new Classification("环境保护", 0.4, List.of("噪音")), "噪音", UNITS);
        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) decision).suggestedCategory()).isEqualTo("环境保护");
        assertThat(decision.reason()).contains("below 0.50");
    }

    @Test
    void noResponsibleUnitOrNoCategoryGoesToTriage() {
        assertThat(router.route(new Classification("卫生计生", 1.0, List.of("医院")), "医院", UNITS))
                .isInstanceOf(RoutingDecision.Triage.class);
        assertThat(router.route(Classification.unknown(), "你好", UNITS)).isInstanceOf(RoutingDecision.Triage.class);
    }
}
