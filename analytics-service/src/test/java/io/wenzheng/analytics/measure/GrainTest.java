package io.wenzheng.analytics.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.analytics.fact.MeasureKey;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GrainTest {
    private static final MeasureKey KEY = new MeasureKey(LocalDate.of(2026, 11, 27), "A3-S1", "环境保护", "WEIBO", "A3");

    @Test
    void eachGrainKeepsOnlyItsColumns() {
        assertThat(Grain.EVERY_CUT.project(KEY)).isEqualTo(KEY);
        assertThat(Grain.UNIT.project(KEY)).isEqualTo(new MeasureKey(KEY.day(), "A3-S1", "", "", "A3"));
        assertThat(Grain.MIX.project(KEY)).isEqualTo(new MeasureKey(KEY.day(), "", "环境保护", "WEIBO", "A3"));
        assertThat(Grain.DISTRICT_ONLY.project(KEY)).isEqualTo(new MeasureKey(KEY.day(), "", "", "", "A3"));
    }

    @Test
    void aQueryReadsTheCoarsestGrainThatHasWhatItNeeds() {
        assertThat(Grain.coarsestFor(EnumSet.of(Dimension.ALL))).isEqualTo(Grain.DISTRICT_ONLY);
        assertThat(Grain.coarsestFor(EnumSet.of(Dimension.DAY, Dimension.DISTRICT))).isEqualTo(Grain.DISTRICT_ONLY);
        assertThat(Grain.coarsestFor(EnumSet.of(Dimension.UNIT))).isEqualTo(Grain.UNIT);
        assertThat(Grain.coarsestFor(EnumSet.of(Dimension.CATEGORY, Dimension.DISTRICT))).isEqualTo(Grain.MIX);
        assertThat(Grain.coarsestFor(EnumSet.of(Dimension.CATEGORY, Dimension.UNIT))).isEqualTo(Grain.EVERY_CUT);
    }
}
