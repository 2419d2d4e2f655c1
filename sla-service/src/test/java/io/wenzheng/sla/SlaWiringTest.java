package io.wenzheng.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.MissingHolidayDataException;
import io.wenzheng.sla.pledge.SlaRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regions, seasons, holiday files and category policies as operators write them in configuration. */
class SlaWiringTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path holidays;

    @Test
    void withoutConfigurationTheDefaultRegionHasTheStandardCalendarAndPolicy() {
        SlaRules rules = rules(Map.of());
        assertThat(rules.regions().names()).containsExactly("cn");
        var deadlines = rules.deadlines(null, "城乡建设");
        assertThat(deadlines.firstResponse(at("2026-11-27T10:00")).basis()).isEqualTo(TimeBasis.WORKING_TIME);
        assertThat(deadlines.resolutionDue(at("2026-11-27T10:00"))).isEqualTo(at("2026-12-04T17:30"));
    }

    @Test
    void aRegionWithItsOwnHoursSeasonsAndAnExtraHolidayYear() throws Exception {
        // A year added as a data file: 2027 with New Year's Day off and one make-up Sunday.
        Files.writeString(holidays.resolve("2027.json"), """
                {"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},
                                     {"name":"春节","date":"2027-01-31","isOffDay":false}]}""");
        Map<String, String> props = new HashMap<>();
        props.put("wenzheng.sla.regions.xinjiang.office-hours", "10:00-14:00,15:30-19:30");
        props.put("wenzheng.sla.regions.xinjiang.seasons.summer.from", "2026-06-01");
        props.put("wenzheng.sla.regions.xinjiang.seasons.summer.to", "2026-09-30");
        props.put("wenzheng.sla.regions.xinjiang.seasons.summer.office-hours", "10:00-14:00,16:00-20:00");
        props.put("wenzheng.sla.regions.xinjiang.holiday-directory", holidays.toString());
        props.put("wenzheng.sla.categories.\"城乡建设\".resolution-working-days", "10");
        props.put("wenzheng.sla.categories.\"城乡建设\".pause-while-waiting-for-citizen", "false");
        SlaRules rules = rules(props);

        assertThat(rules.regions().names()).containsExactlyInAnyOrder("cn", "xinjiang");
        var xinjiang = rules.regions().calendar("xinjiang");
        assertThat(xinjiang.isWorkingTime(at("2026-11-27T09:30"))).isFalse();
        assertThat(xinjiang.isWorkingTime(at("2026-11-27T19:00"))).isTrue();
        assertThat(xinjiang.isWorkingTime(at("2026-07-01T19:45"))).as("summer hours").isTrue();
        assertThat(xinjiang.isWorkingTime(at("2026-11-27T19:45"))).isFalse();
        assertThat(xinjiang.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(xinjiang.isWorkingDay(LocalDate.of(2027, 1, 31))).as("make-up Sunday").isTrue();
        assertThat(rules.regions().calendar("cn").isWorkingDay(LocalDate.of(2027, 1, 31))).as("provisional: no make-up days").isFalse();
        assertThat(rules.regions().calendar("cn").years().get(2027).source()).isEqualTo(io.wenzheng.sla.calendar.YearSource.PROVISIONAL);
        assertThat(xinjiang.years().get(2027).source()).isEqualTo(io.wenzheng.sla.calendar.YearSource.BUNDLED);

        assertThat(rules.deadlines("xinjiang", null).firstResponse(at("2026-11-27T09:30")).basis()).isEqualTo(TimeBasis.REST_TIME);
        assertThat(rules.deadlines(null, "城乡建设").resolutionDue(at("2026-11-27T10:00"))).isEqualTo(at("2026-12-11T17:30"));
        assertThat(rules.deadlines(null, "城乡建设").policy().pauseWhileWaitingForCitizen()).isFalse();
        assertThat(rules.deadlines(null, "环境保护").policy().resolutionWorkingDays()).isEqualTo(5);
        assertThatThrownBy(() -> rules.deadlines("atlantis", null)).hasMessageContaining("no calendar for region atlantis");
    }

    @Test
    void aRegionChangesThePledgeAndACategoryChangesItInEveryRegion() {
        SlaRules rules = rules(Map.of(
                "wenzheng.sla.regions.xinjiang.office-hours", "10:00-14:00,15:30-19:30",
                "wenzheng.sla.regions.xinjiang.policy.resolution-working-days", "7",
                "wenzheng.sla.regions.xinjiang.policy.rest-time-response", "12h",
                "wenzheng.sla.categories.\"城乡建设\".resolution-working-days", "10"));
        assertThat(rules.deadlines("xinjiang", "环境保护").policy().resolutionWorkingDays()).isEqualTo(7);
        assertThat(rules.deadlines("xinjiang", "环境保护").policy().restTimeResponse()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(rules.deadlines("xinjiang", "城乡建设").policy().resolutionWorkingDays()).isEqualTo(10);
        assertThat(rules.deadlines("xinjiang", "城乡建设").policy().restTimeResponse()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(rules.deadlines("cn", "环境保护").policy().resolutionWorkingDays()).isEqualTo(5);
        assertThat(rules.deadlines(null, null).policy()).isEqualTo(io.wenzheng.sla.pledge.PledgePolicy.DEFAULT);
        assertThatThrownBy(() -> rules(Map.of("wenzheng.sla.categories.\"城乡建设\".progress-working-days", "0")))
                .hasMessageContaining("at least one working day");
    }

    @Test
    void aMistakeInTheCalendarStopsStartupAndNamesTheKey() {
        assertThatThrownBy(() -> rules(Map.of("wenzheng.sla.regions.xinjiang.office-hours", "10-14")))
                .hasMessageContaining("wenzheng.sla.regions.xinjiang").hasMessageContaining("09:00-12:00");
        assertThatThrownBy(() -> rules(Map.of("wenzheng.sla.regions.xinjiang.holidays", "nowhere")))
                .hasMessageContaining("no holiday files for set 'nowhere'");
    }

    private static SlaRules rules(Map<String, String> props) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SlaConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 100))
                .build();
        SlaConfig sla = config.getConfigMapping(SlaConfig.class);
        return new SlaRules(SlaWiring.regions(sla), SlaWiring.policies(sla));
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), SHANGHAI).toInstant();
    }
}
