package io.wenzheng.analytics.measure;

/** A way to cut the measures; each maps to one column of the read model. */
public enum Dimension {
    DAY("to_char(day, 'YYYY-MM-DD')"),
    UNIT("unit_code"),
    CATEGORY("category"),
    CHANNEL("channel"),
    DISTRICT("district_code"),
    ALL("'all'");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
