package io.wenzheng.analytics.measure;

import io.wenzheng.analytics.fact.MeasureKey;
import java.util.EnumSet;
import java.util.Set;

/**
 * The pre-aggregated counters are kept at several grains: every petition counts once in each. A query reads the
 * coarsest grain that still has the columns it filters or groups by.
 */
public enum Grain {
    DISTRICT_ONLY(3, EnumSet.of(Dimension.DISTRICT)),
    UNIT(1, EnumSet.of(Dimension.UNIT, Dimension.DISTRICT)),
    MIX(2, EnumSet.of(Dimension.CATEGORY, Dimension.CHANNEL, Dimension.DISTRICT)),
    EVERY_CUT(0, EnumSet.of(Dimension.UNIT, Dimension.CATEGORY, Dimension.CHANNEL, Dimension.DISTRICT));

    private final short code;
    private final Set<Dimension> kept;

    Grain(int code, Set<Dimension> kept) {
        this.code = (short) code;
        this.kept = kept;
    }

    public short code() {
        return code;
    }

    /** The key as this grain stores it: the columns it does not keep are empty. */
    public MeasureKey project(MeasureKey key) {
        return new MeasureKey(key.day(), kept.contains(Dimension.UNIT) ? key.unitCode() : "",
                kept.contains(Dimension.CATEGORY) ? key.category() : "", kept.contains(Dimension.CHANNEL) ? key.channel() : "",
                kept.contains(Dimension.DISTRICT) ? key.districtCode() : "");
    }

    /** The coarsest grain with every dimension needed; days are in every grain. */
    public static Grain coarsestFor(Set<Dimension> needed) {
        for (Grain grain : values()) {
            if (needed.stream().allMatch(d -> d == Dimension.DAY || d == Dimension.ALL || grain.kept.contains(d))) {
                return grain;
            }
        }
        return EVERY_CUT;
    }
}
