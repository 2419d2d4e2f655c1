package io.wenzheng.kit.sql;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * A native statement that writes a batch's rows in one round trip: {@code head}, then the {@code row} template once per
 * row, then {@code tail}. The template marks each value with a bare {@code ?}; they are numbered in turn, so values are
 * always bound and never spliced into the text. A batch too large for PostgreSQL's 65,535 parameters of one statement
 * is sent as a few statements, in order, in the caller's transaction.
 *
 * <p>The statements go straight to the transaction's connection ({@link TransactionConnection}), not through
 * Hibernate's native queries: those parsed the text and bound each of a batch's hundreds of values through Hibernate's
 * types, and every native select added a copy of its plan to Hibernate's query-plan cache, which never found it again.
 */
public record MultiRowStatement(String head, String row, String tail) {
    static final int MOST_PARAMETERS = 65_535;

    public MultiRowStatement {
        if (markers(row) == 0) {
            throw new IllegalArgumentException("a row template needs at least one ?: " + row);
        }
    }

    /** How many values each row takes. */
    public int width() {
        return markers(row);
    }

    /** The most rows one statement carries. */
    public int rowsPerStatement() {
        return MOST_PARAMETERS / width();
    }

    /** The text for {@code rows} rows, with parameters numbered from 1 after {@code marker}: "$" for the reactive pool. */
    public String sql(int rows, String marker) {
        int width = width();
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows * (row.length() + width * 4 + 2));
        sql.append(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(numbered(row, 1 + i * width, marker));
        }
        return sql.append(tail).toString();
    }

    /** The template with its markers numbered from {@code first} after {@code marker}: "$" for the reactive client. */
    public static String numbered(String template, int first, String marker) {
        StringBuilder out = new StringBuilder();
        int next = first;
        for (char c : template.toCharArray()) {
            if (c == '?') {
                out.append(marker).append(next++);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Writes the rows, each given as its values in the template's order; answers how many rows were changed. */
    public Uni<Integer> execute(List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(chunks(rows))
                .onItem().transformToUniAndConcatenate(chunk -> TransactionConnection.current().chain(statements ->
                        statements.update(sql(chunk.size(), "$"), values(chunk))))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Writes the rows and answers the single column the tail's {@code returning} names, for every chunk. */
    public <R> Uni<List<R>> returning(List<List<Object>> rows, Class<R> column) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(chunks(rows))
                .onItem().transformToUniAndConcatenate(chunk -> TransactionConnection.current().chain(statements ->
                        statements.select(sql(chunk.size(), "$"), values(chunk)).map(result -> {
                            List<R> values = new ArrayList<>(result.size());
                            result.forEach(row -> values.add(column.cast(row[0])));
                            return values;
                        })))
                .collect().in(ArrayList<R>::new, List::addAll)
                .map(List::copyOf);
    }

    List<List<List<Object>>> chunks(List<List<Object>> rows) {
        List<List<List<Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement()) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + rowsPerStatement())));
        }
        return chunks;
    }

    /** The chunk's values in parameter order, each made ready for the reactive client. */
    Object[] values(List<List<Object>> rows) {
        int width = width();
        Object[] values = new Object[rows.size() * width];
        int next = 0;
        for (List<Object> row : rows) {
            if (row.size() != width) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for a template of " + width);
            }
            for (Object value : row) {
                values[next++] = Timestamptz.bindable(value);
            }
        }
        return values;
    }

    private static int markers(String template) {
        return (int) template.chars().filter(c -> c == '?').count();
    }
}
