package io.wenzheng.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;

/** Bulk loading with PostgreSQL's COPY, in chunks, with progress. */
final class Copy {
    private static final int CHUNK = 100_000;

    private Copy() {
    }

    /** Copies {@code rows} CSV lines made by {@code row} into {@code table (columns)}. */
    static void rows(Connection c, String table, String columns, int rows, IntFunction<String> row, String label) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            StringBuilder csv = new StringBuilder((to - from) * 120);
            for (int i = from; i < to; i++) {
                csv.append(row.apply(i)).append('\n');
            }
            copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            if (rows > CHUNK) {
                System.out.printf("  %s: %,d / %,d rows%n", label, to, rows);
            }
        }
    }
}
