package io.wenzheng.kit.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The reactive PostgreSQL client binds a {@code timestamptz} from an {@code OffsetDateTime}, never from an {@code Instant}. */
public final class Timestamptz {
    private Timestamptz() {
    }

    public static OffsetDateTime of(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static OffsetDateTime now() {
        return of(Instant.now());
    }

    /** A value ready to bind: an {@code Instant} as a {@code timestamptz}, anything else as it is. */
    public static Object bindable(Object value) {
        return value instanceof Instant at ? of(at) : value;
    }

    /** A {@code timestamptz} column's value as the client reads it (an {@code OffsetDateTime}), as an instant. */
    public static Instant instant(Object column) {
        return column == null ? null : column instanceof Instant at ? at : ((OffsetDateTime) column).toInstant();
    }
}
