package io.wenzheng.analytics.measure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which petitions to count: those received in [from, to), optionally of one unit, district, category or channel. */
public record MeasureFilter(LocalDate from, LocalDate to, String unitCode, String districtCode, String category, String channel) {

    public MeasureFilter {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period must have from before to");
        }
    }

    public static MeasureFilter period(LocalDate from, LocalDate to) {
        return new MeasureFilter(from, to, null, null, null, null);
    }

    public MeasureFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new MeasureFilter(newFrom, newTo, unitCode, districtCode, category, channel);
    }

    /** The dimensions this filter narrows. */
    java.util.Set<Dimension> dimensions() {
        java.util.Set<Dimension> used = java.util.EnumSet.noneOf(Dimension.class);
        if (unitCode != null && !unitCode.isBlank()) {
            used.add(Dimension.UNIT);
        }
        if (districtCode != null && !districtCode.isBlank()) {
            used.add(Dimension.DISTRICT);
        }
        if (category != null && !category.isBlank()) {
            used.add(Dimension.CATEGORY);
        }
        if (channel != null && !channel.isBlank()) {
            used.add(Dimension.CHANNEL);
        }
        return used;
    }

    /** The where-clause over the read model's columns, and its parameters. */
    String where(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("day >= :from and day < :to");
        parameters.put("from", from);
        parameters.put("to", to);
        Map<String, String> equalities = new LinkedHashMap<>();
        equalities.put("unit_code", unitCode);
        equalities.put("district_code", districtCode);
        equalities.put("category", category);
        equalities.put("channel", channel);
        equalities.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                where.append(" and ").append(column).append(" = :").append(column);
                parameters.put(column, value);
            }
        });
        return where.toString();
    }
}
