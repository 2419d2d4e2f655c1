package io.wenzheng.kit.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * A native statement that writes a batch's rows in one round trip: {@code head}, then the {@code row} template once per
 * row, then {@code tail}. The template marks each value with a bare {@code ?}; they are numbered in turn, so values are
 * always bound and never spliced into the text. A batch too large for PostgreSQL's 65,535 parameters of one statement
 * is sent as a few statements, in order, in the caller's transaction.
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

    /** The text for {@code rows} rows, with parameters {@code ?1} onwards (Hibernate's native queries). */
    public String sql(int rows) {
        return sql(rows, "?");
    }

    /** The text for {@code rows} rows, with parameters numbered from 1 after {@code marker}: "$" for the reactive pool. */
    public String sql(int rows, String marker) {
        StringBuilder sql = new StringBuilder(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(numbered(row, 1 + i * width(), marker));
        }
        return sql.append(tail).toString();
    }

    /** The template with its markers numbered from {@code first}: "?" for Hibernate's native queries, "$" for the pool. */
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
                .onItem().transformToUniAndConcatenate(chunk -> Panache.getSession().chain(session -> {
                    var statement = session.createNativeQuery(sql(chunk.size()));
                    bind(chunk, statement::setParameter);
                    return statement.executeUpdate();
                }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Writes the rows and answers the single column the tail's {@code returning} names, for every chunk. */
    public <R> Uni<List<R>> returning(List<List<Object>> rows, Class<R> column) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(chunks(rows))
                .onItem().transformToUniAndConcatenate(chunk -> Panache.getSession().chain(session -> {
                    var statement = session.createNativeQuery(sql(chunk.size()), column);
                    bind(chunk, statement::setParameter);
                    return statement.getResultList();
                }))
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

    private void bind(List<List<Object>> rows, Binder binder) {
        for (int i = 0; i < rows.size(); i++) {
            List<Object> values = rows.get(i);
            if (values.size() != width()) {
                throw new IllegalArgumentException("a row has " + values.size() + " values for a template of " + width());
            }
            for (int k = 0; k < values.size(); k++) {
                binder.bind(1 + i * width() + k, Timestamptz.bindable(values.get(k)));
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        Object bind(int position, Object value);
    }

    private static int markers(String template) {
        return (int) template.chars().filter(c -> c == '?').count();
    }
}
