package io.wenzheng.kit.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowStatementTest {
    private final MultiRowStatement claim = new MultiRowStatement("insert into t (a, b, c) values ", "(?, 'FIXED', cast(? as jsonb), now())",
            " on conflict do nothing returning a");

    @Test
    void eachRowsMarkersAreNumberedOnFromTheRowBefore() {
        assertEquals(2, claim.width());
        assertEquals("insert into t (a, b, c) values ($1, 'FIXED', cast($2 as jsonb), now()), ($3, 'FIXED', cast($4 as jsonb), now()), "
                + "($5, 'FIXED', cast($6 as jsonb), now()) on conflict do nothing returning a", claim.sql(3, "$"));
    }

    @Test
    void thePoolsDollarMarkersCanStartAfterAnotherStatementsParameters() {
        assertEquals("($16, $17, 0)", MultiRowStatement.numbered("(?, ?, 0)", 16, "$"));
    }

    @Test
    void aBatchBeyondPostgresParameterLimitIsSplitInOrderWithNoRowLostOrRepeated() {
        MultiRowStatement wide = new MultiRowStatement("insert into t values ", "(?, ?, ?, ?, ?, ?, ?, ?)", "");
        assertEquals(8191, wide.rowsPerStatement());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(Collections.nCopies(8, i));
        }
        List<List<List<Object>>> chunks = wide.chunks(rows);
        assertEquals(List.of(8191, 8191, 3618), chunks.stream().map(List::size).toList());
        List<List<Object>> joined = chunks.stream().flatMap(List::stream).toList();
        assertEquals(rows, joined);
        chunks.forEach(chunk -> assertEquals(true, chunk.size() * wide.width() <= 65_535));
    }

    @Test
    void aChunksValuesGoInParameterOrderWithInstantsAsTimestamptz() {
        java.time.Instant at = java.time.Instant.parse("2026-12-06T12:00:00Z");
        Object[] values = claim.values(List.of(java.util.Arrays.asList("a", at), java.util.Arrays.asList("b", null)));
        assertEquals(List.of("a", java.time.OffsetDateTime.parse("2026-12-06T12:00:00Z"), "b"), java.util.Arrays.asList(values).subList(0, 3));
        assertEquals(null, values[3]);
        assertEquals(4, values.length);
        assertThrows(IllegalArgumentException.class, () -> claim.values(List.of(List.of("only one"))));
    }

    @Test
    void aTemplateWithoutMarkersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MultiRowStatement("insert into t values ", "(now())", ""));
    }
}
