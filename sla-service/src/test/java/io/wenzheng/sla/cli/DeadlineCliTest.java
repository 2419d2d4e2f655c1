package io.wenzheng.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.sla.calendar.HolidayData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineCliTest {

    @Test
    void printsOneJsonObjectPerLineInChinaTime() throws Exception {
        String input = String.join("\n",
                "2026-11-27T10:15:00+08:00",
                "2026-11-27T04:00:00Z",            // 12:00 in Shanghai: lunch, rest time
                "2026-02-14T10:00:00+08:00\t环境保护", // make-up Saturday
                "2026-09-30T20:00:00+08:00",
                "") + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int errors = new DeadlineCli(HolidayData.defaultCalendar())
                .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(errors).isZero();
        assertThat(lines).containsExactly(
                "{\"receivedAt\":\"2026-11-27T10:15:00+08:00\",\"window\":\"WORKING\",\"firstResponseDue\":\"2026-11-27T11:15:00+08:00\",\"resolutionDue\":\"2026-12-04T17:30:00+08:00\",\"calendar\":\"OFFICIAL\"}",
                "{\"receivedAt\":\"2026-11-27T12:00:00+08:00\",\"window\":\"REST\",\"firstResponseDue\":\"2026-11-27T20:00:00+08:00\",\"resolutionDue\":\"2026-12-04T17:30:00+08:00\",\"calendar\":\"OFFICIAL\"}",
                "{\"receivedAt\":\"2026-02-14T10:00:00+08:00\",\"window\":\"WORKING\",\"firstResponseDue\":\"2026-02-14T11:00:00+08:00\",\"resolutionDue\":\"2026-02-28T17:30:00+08:00\",\"calendar\":\"OFFICIAL\"}",
                "{\"receivedAt\":\"2026-09-30T20:00:00+08:00\",\"window\":\"REST\",\"firstResponseDue\":\"2026-10-01T04:00:00+08:00\",\"resolutionDue\":\"2026-10-13T17:30:00+08:00\",\"calendar\":\"OFFICIAL\"}");
    }

    @Test
    void receiptsAcrossTheTurnOfTheYearGetProvisionalDeadlines() throws Exception {
        // The two cases: 除夕 2027 is a provisional rest day; 28 December's window reaches 2027.
        assertThat(answers("2027-02-05T10:00:00+08:00\n2026-12-28T10:00:00+08:00\n")).containsExactly(
                "{\"receivedAt\":\"2027-02-05T10:00:00+08:00\",\"window\":\"REST\",\"firstResponseDue\":\"2027-02-05T18:00:00+08:00\",\"resolutionDue\":\"2027-02-15T17:30:00+08:00\",\"calendar\":\"PROVISIONAL\"}",
                "{\"receivedAt\":\"2026-12-28T10:00:00+08:00\",\"window\":\"WORKING\",\"firstResponseDue\":\"2026-12-28T11:00:00+08:00\",\"resolutionDue\":\"2027-01-05T17:30:00+08:00\",\"calendar\":\"PROVISIONAL\"}");
    }

    @Test
    void badLinesGetAnErrorObjectAndTheRestIsStillAnswered() throws Exception {
        String input = "yesterday\n2036-03-01T10:00:00+08:00\n2026-11-27T10:15:00+08:00\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int errors = new DeadlineCli(HolidayData.defaultCalendar())
                .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors).isEqualTo(2);
        assertThat(lines.get(0)).startsWith("{\"input\":\"yesterday\",\"error\":\"not an ISO-8601 instant");
        assertThat(lines.get(1)).contains("2036 has no holiday notice, and the statutory rules compute only 2025–2035");
        assertThat(lines.get(2)).contains("\"window\":\"WORKING\"");
    }

    /** The lines the command prints for an input that has no bad line. */
    private static List<String> answers(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int errors = new DeadlineCli(HolidayData.defaultCalendar())
                .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(errors).isZero();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
