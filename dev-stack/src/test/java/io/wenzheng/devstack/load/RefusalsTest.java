package io.wenzheng.devstack.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    private static PetitionLoad.Attempt attempt(int status, String failure) {
        return new PetitionLoad.Attempt(PetitionLoad.Route.REST, null, null, Instant.EPOCH, 1, status, failure);
    }

    @Test
    void refusalsAreCountedByStatusAndProblemTitleOrByTheClientsFailureAndTimeoutsAreLeftToTheirOwnColumn() {
        String busy = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"try again\"}";
        PetitionLoad.Result result = new PetitionLoad.Result(List.of(
                attempt(201, null), attempt(503, busy), attempt(503, busy), attempt(500, "<html>oops</html>"),
                attempt(0, "ConnectException"), attempt(0, "timeout"), attempt(0, "timeout")), 0, Duration.ofSeconds(1));

        assertEquals(4, result.refused());
        assertEquals(2, result.unanswered());
        assertEquals(List.of(Map.entry("REST HTTP 503 Service Unavailable", 2L), Map.entry("REST ConnectException", 1L),
                        Map.entry("REST HTTP 500", 1L)),
                List.copyOf(result.refusalsByReason().entrySet()));
    }
}
