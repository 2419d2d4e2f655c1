package io.wenzheng.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.directory.GeoArea;
import io.wenzheng.routing.directory.RoutingRule;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Unit ENV = unit("A-ENV", UnitLevel.DEPARTMENT, List.of("环境保护"), List.of(), List.of(), null);
    private static final Unit TRANSPORT = unit("A-TR", UnitLevel.DEPARTMENT, List.of("交通运输"), List.of(), List.of(), null);
    private static final Unit BUS = unit("A-BUS", UnitLevel.DEPARTMENT, List.of("交通运输"), List.of(), List.of(), null);
    private static final Unit AIRPORT = unit("A-AIR", UnitLevel.DEPARTMENT, List.of("交通运输"), List.of(), List.of(), null);
    private static final Unit A3 = unit("A3", UnitLevel.DISTRICT, List.of("环境保护", "城乡建设", "交通运输"), List.of("A3区", "A3"),
            List.of("鼓楼"), new GeoArea(38.4735, 106.2880, 12));
    private static final Unit A4 = unit("A4", UnitLevel.DISTRICT, List.of("环境保护", "城乡建设"), List.of("A4区"), List.of(),
            new GeoArea(38.4900, 106.1560, 15));
    private static final Unit STREET = unit("A3-XS", UnitLevel.STREET, List.of("城乡建设"), List.of("星沙街道", "星沙"), List.of(), null);
    private static final List<Unit> UNITS = List.of(ENV, TRANSPORT, BUS, AIRPORT, A3, A4, STREET);
    private static final List<RoutingRule> RULES = List.of(
            new RoutingRule("lead-transport", "交通运输", null, "A-TR", 10),
            new RoutingRule("bus", "交通运输", "公交", "A-BUS", 50),
            new RoutingRule("airport", "交通运输", "机场", "A-AIR", 100));
    private final Router router = new Router(0.5);

    private static Unit unit(String code, UnitLevel level, List<String> duties, List<String> areas, List<String> landmarks, GeoArea territory) {
        return new Unit(code, code + "名", null, level, duties, areas, "cn", landmarks, territory, code + "督办");
    }

    private RoutingDecision.Routed routed(String category, String text) {
        return routed(category, new PlaceClues(text, null, null));
    }

    private RoutingDecision.Routed routed(String category, PlaceClues clues) {
        var decision = router.route(new Classification(category, 0.9, List.of("证据")), clues, UNITS, RULES);
        assertThat(decision).isInstanceOf(RoutingDecision.Routed.class);
        return (RoutingDecision.Routed) decision;
    }

    @Test
    void theLocalUnitWinsWhenThePetitionNamesItsArea() {
        var decision = routed("环境保护", "A3区某工地噪音");
        assertThat(decision.unit()).isEqualTo(A3);
        assertThat(decision.rule()).isEqualTo("locality");
        assertThat(decision.matchedTerms()).containsExactly("证据", "A3区");
        assertThat(decision.reason()).contains("证据").contains("A3区").contains("A3");
    }

    @Test
    void theMostLocalResponsibleUnitWinsAndTheLongestNameExplainsIt() {
        var decision = routed("城乡建设", "A3区星沙街道物业不作为");
        assertThat(decision.unit()).isEqualTo(STREET);
        assertThat(decision.matchedTerms()).endsWith("星沙街道");
    }

    @Test
    void aLandmarkPlacesThePetition() {
        var decision = routed("环境保护", "鼓楼附近的饭店油烟扰民");
        assertThat(decision.unit()).isEqualTo(A3);
        assertThat(decision.matchedTerms()).endsWith("鼓楼");
    }

    @Test
    void coordinatesPlaceAPetitionThatNamesNoPlace() {
        var decision = routed("环境保护", new PlaceClues("河水污染", 38.495, 106.150));
        assertThat(decision.unit()).isEqualTo(A4);
        assertThat(decision.rule()).isEqualTo("coordinates");
        assertThat(decision.reason()).contains("38.4950,106.1500");
        // Far outside every territory: the city department answers.
        assertThat(routed("环境保护", new PlaceClues("河水污染", 30.0, 120.0)).unit()).isEqualTo(ENV);
    }

    @Test
    void anOverrideBeatsLocalityAndTheHighestPriorityWins() {
        var decision = routed("交通运输", "A3区机场大巴和公交都不准点");
        assertThat(decision.unit()).isEqualTo(AIRPORT);
        assertThat(decision.rule()).isEqualTo("override:airport");
        assertThat(routed("交通运输", "A3区公交站牌损坏").unit()).isEqualTo(BUS);
    }

    @Test
    void withoutAPlaceTheLeadDepartmentOrTheCityDepartmentAnswers() {
        var lead = routed("交通运输", "出租车拒载");
        assertThat(lead.unit()).isEqualTo(TRANSPORT);
        assertThat(lead.rule()).isEqualTo("lead:lead-transport");
        var city = routed("环境保护", "河水污染");
        assertThat(city.unit()).isEqualTo(ENV);
        assertThat(city.rule()).isEqualTo("city-department");
        assertThat(city.reason()).contains("city department A-ENV");
    }

    @Test
    void anOverrideForAnotherCategoryDoesNotApply() {
        assertThat(routed("城乡建设", "A4区机场路小区物业").unit()).isEqualTo(A4);
    }

    @Test
    void lowConfidenceGoesToTriageWithTheSuggestion() {
        var decision = router.route(new Classification("环境保护", 0.4, List.of("subject:噪音", "噪", " 扰民")), new PlaceClues("噪音", null, null), UNITS, RULES);
        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        var triage = (RoutingDecision.Triage) decision;
        assertThat(triage.suggestedCategory()).isEqualTo("环境保护");
        assertThat(triage.why()).isEqualTo(RoutingDecision.Why.LOW_CONFIDENCE);
        assertThat(triage.words()).as("the petition's words, not feature tokens").containsExactly("噪音", "扰民");
        assertThat(decision.reason()).contains("below 0.50");
    }

    @Test
    void noResponsibleUnitOrNoCategoryGoesToTriage() {
        assertThat(router.route(new Classification("卫生计生", 1.0, List.of("医院")), new PlaceClues("医院", null, null), UNITS, RULES))
                .isInstanceOfSatisfying(RoutingDecision.Triage.class, t -> assertThat(t.why()).isEqualTo(RoutingDecision.Why.NO_UNIT));
        assertThat(router.route(Classification.unknown(), new PlaceClues("你好", null, null), UNITS, RULES))
                .isInstanceOfSatisfying(RoutingDecision.Triage.class, t -> assertThat(t.why()).isEqualTo(RoutingDecision.Why.NO_CATEGORY));
    }

    @Test
    void distancesAreGreatCircleKilometres() {
        GeoArea yinchuanCentre = new GeoArea(38.4872, 106.2309, 60);
        // Yinchuan to Shizuishan is roughly 70-80 km north.
        assertThat(yinchuanCentre.distanceKm(39.0133, 106.3839)).isBetween(55.0, 65.0);
        assertThat(yinchuanCentre.contains(38.4872, 106.2309)).isTrue();
    }

    @Test
    void historyKeepsTheUnitItsEarlierSystemNamed() {
        var decision = router.recorded(new Classification("环境保护", 0.9, List.of("证据")), "A4", new PlaceClues("A3区某工地噪音", null, null),
                UNITS, RULES);
        assertThat(decision).isInstanceOfSatisfying(RoutingDecision.Routed.class, routed -> {
            assertThat(routed.unit()).isEqualTo(A4);
            assertThat(routed.rule()).isEqualTo("imported");
            assertThat(routed.category()).isEqualTo("环境保护");
        });
    }

    @Test
    void historyWithAnUnknownOrNoUnitIsRoutedEvenOnALowConfidence() {
        var low = new Classification("环境保护", 0.2, List.of("证据"));
        assertThat(router.route(low, new PlaceClues("A3区某工地噪音", null, null), UNITS, RULES)).isInstanceOf(RoutingDecision.Triage.class);
        for (String unit : java.util.Arrays.asList("NO-SUCH-UNIT", null)) {
            var decision = router.recorded(low, unit, new PlaceClues("A3区某工地噪音", null, null), UNITS, RULES);
            assertThat(decision).isInstanceOfSatisfying(RoutingDecision.Routed.class, routed -> assertThat(routed.unit()).isEqualTo(A3));
        }
        assertThat(router.recorded(new Classification("卫生计生", 0.9, List.of("证据")), null, new PlaceClues("医院", null, null), UNITS, RULES))
                .isInstanceOfSatisfying(RoutingDecision.Triage.class, t -> assertThat(t.why()).isEqualTo(RoutingDecision.Why.NO_UNIT));
    }
}
