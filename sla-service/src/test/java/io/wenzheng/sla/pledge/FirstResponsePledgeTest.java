package io.wenzheng.sla.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.HolidayData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstResponsePledgeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final FirstResponsePledge pledge = new FirstResponsePledge(HolidayData.defaultCalendar());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // 2026-11-27 is a Friday, 2026-11-28 a Saturday
            "2026-11-27T09:00:00, WORKING_TIME",
            "2026-11-27T11:59:59, WORKING_TIME",
            "2026-11-27T12:00:00, REST_TIME",
            "2026-11-27T13:29:59, REST_TIME",
            "2026-11-27T13:30:00, WORKING_TIME",
            "2026-11-27T17:29:59, WORKING_TIME",
            "2026-11-27T17:30:00, REST_TIME",
            "2026-11-27T08:59:59, REST_TIME",
            "2026-11-28T10:00:00, REST_TIME",
            "2026-11-29T15:00:00, REST_TIME",
    })
    void officeHoursDecideTheLimit(String localTime, TimeBasis expected) {
        Instant received = ZonedDateTime.of(java.time.LocalDateTime.parse(localTime), SHANGHAI).toInstant();
        FirstResponsePledge.Deadline deadline = pledge.deadlineFor(received);
        assertThat(deadline.basis()).isEqualTo(expected);
        assertThat(deadline.startedAt()).isEqualTo(received);
        assertThat(Duration.between(received, deadline.dueAt()))
                .isEqualTo(expected == TimeBasis.WORKING_TIME ? Duration.ofHours(1) : Duration.ofHours(8));
    }
}
