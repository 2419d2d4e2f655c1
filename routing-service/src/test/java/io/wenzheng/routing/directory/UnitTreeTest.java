package io.wenzheng.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTreeTest {
    private static Unit unit(String code, String parent, UnitLevel level) {
        return new Unit(code, code + "名", parent, level, List.of(), List.of(), "cn", List.of(), null, null);
    }

    private final UnitTree tree = new UnitTree(List.of(
            unit("A", null, UnitLevel.CITY),
            unit("A-ENV", "A", UnitLevel.DEPARTMENT),
            unit("A3", "A", UnitLevel.DISTRICT),
            unit("A3-S1", "A3", UnitLevel.STREET),
            unit("A3-S1-C1", "A3-S1", UnitLevel.COMMUNITY),
            unit("LOOP-1", "LOOP-2", UnitLevel.STREET),
            unit("LOOP-2", "LOOP-1", UnitLevel.STREET)));

    @Test
    void aUnitBelowADistrictBelongsToThatDistrict() {
        assertThat(tree.districtOf("A3-S1-C1")).isEqualTo("A3");
        assertThat(tree.districtOf("A3-S1")).isEqualTo("A3");
        assertThat(tree.districtOf("A3")).isEqualTo("A3");
    }

    @Test
    void onlyUnitsTheDirectoryMarksSeeTheirSubordinatesPetitions() {
        UnitTree marked = new UnitTree(List.of(
                unit("A", null, UnitLevel.CITY),
                new Unit("A3", "A3区", "A", UnitLevel.DISTRICT, List.of(), List.of(), "cn", List.of(), null, null, true),
                new Unit("A3-S1", "街道", "A3", UnitLevel.STREET, List.of(), List.of(), "cn", List.of(), null, null, true),
                unit("A3-S1-C1", "A3-S1", UnitLevel.COMMUNITY),
                unit("A4", "A", UnitLevel.DISTRICT),
                unit("A4-S1", "A4", UnitLevel.STREET)));
        assertThat(marked.supervisorsOf("A3-S1-C1")).as("nearest first").containsExactly("A3-S1", "A3");
        assertThat(marked.supervisorsOf("A3-S1")).containsExactly("A3");
        assertThat(marked.supervisorsOf("A3")).as("the city is not marked").isEmpty();
        assertThat(marked.supervisorsOf("A4-S1")).as("A4 is not marked").isEmpty();
        assertThat(marked.supervisorsOf("NOPE")).isEmpty();
        assertThat(tree.supervisorsOf("LOOP-1")).as("a broken tree ends the walk").isEmpty();
    }

    @Test
    void theCityItsDepartmentsAndStrangersHaveNoDistrict() {
        assertThat(tree.districtOf("A")).isNull();
        assertThat(tree.districtOf("A-ENV")).isNull();
        assertThat(tree.districtOf("NOPE")).isNull();
        assertThat(tree.districtOf("LOOP-1")).as("a broken tree ends the walk").isNull();
    }
}
