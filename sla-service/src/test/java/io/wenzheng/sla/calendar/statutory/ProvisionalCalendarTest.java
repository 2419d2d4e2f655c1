package io.wenzheng.sla.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.HolidayYear;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.calendar.YearSource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provisional calendar against the published Chinese calendar: 正月初一, 清明, 端午 and 中秋 of 2027–2035 as the
 * almanacs (the Purple Mountain Observatory's and the Hong Kong Observatory's tables) give them.
 */
class ProvisionalCalendarTest {
    private static final StatutoryRules RULES = StatutoryRules.standard();

    /** year → {正月初一, 清明, 端午, 中秋}. */
    static final Map<Integer, LocalDate[]> PUBLISHED = new TreeMap<>(Map.of(
            2027, dates("2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"),
            2028, dates("2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"),
            2029, dates("2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"),
            2030, dates("2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"),
            2031, dates("2031-01-23", "2031-04-05", "2031-06-24", "2031-10-01"),
            2032, dates("2032-02-11", "2032-04-04", "2032-06-12", "2032-09-19"),
            2033, dates("2033-01-31", "2033-04-04", "2033-06-01", "2033-09-08"),
            2034, dates("2034-02-19", "2034-04-05", "2034-06-20", "2034-09-27"),
            2035, dates("2035-02-08", "2035-04-05", "2035-06-10", "2035-09-16")));

    /** The statutory days of a year, written out from the published dates, independently of the rules file. */
    static Set<LocalDate> statutoryDays(int year) {
        LocalDate[] p = PUBLISHED.get(year);
        Set<LocalDate> days = new HashSet<>();
        days.add(LocalDate.of(year, 1, 1));
        for (int i = -1; i <= 2; i++) {
            days.add(p[0].plusDays(i));
        }
        days.add(p[1]);
        days.add(LocalDate.of(year, 5, 1));
        days.add(LocalDate.of(year, 5, 2));
        days.add(p[2]);
        days.add(p[3]);
        days.add(LocalDate.of(year, 10, 1));
        days.add(LocalDate.of(year, 10, 2));
        days.add(LocalDate.of(year, 10, 3));
        days.removeIf(d -> d.getYear() != year);
        return days;
    }

    @Test
    void everyDayOf2027To2035IsOffExactlyOnStatutoryDaysAndWeekends() {
        WorkCalendar calendar = HolidayData.defaultCalendar();
        int checked = 0;
        for (int year = 2027; year <= 2035; year++) {
            Set<LocalDate> statutory = statutoryDays(year);
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(calendar.isWorkingDay(d)).as("%s (%s)", d, d.getDayOfWeek()).isEqualTo(!weekend && !statutory.contains(d));
                checked++;
            }
            assertThat(calendar.years().get(year).source()).isEqualTo(YearSource.PROVISIONAL);
            assertThat(calendar.years().get(year).makeUpWorkdays()).isEmpty();
        }
        assertThat(checked).isEqualTo(3287);
    }

    @Test
    void theRulesGiveTheOfficialYearsEveryStatutoryDayTheirNoticesGive() {
        // 2025 and 2026 have notices: every day the rules compute must be a day off there (the notice adds bridges).
        for (int year : new int[] {2025, 2026}) {
            HolidayYear official = HolidayData.bundled("cn").get(year);
            HolidayYear provisional = RULES.provisionalYear(year);
            assertThat(official.daysOff()).as("%d", year).containsAll(provisional.daysOff());
            assertThat(provisional.daysOff()).as("%d has 13 statutory days", year).hasSize(13);
        }
    }

    @Test
    void aYearWithBothMidAutumnAndNationalDayOnOneDayCountsTheDayOnce() {
        // 2031: 中秋 is 1 October. The rules give no extra day for the overlap; only a notice can.
        assertThat(RULES.provisionalYear(2031).daysOff()).hasSize(12).contains(LocalDate.of(2031, 10, 1));
        assertThat(RULES.provisionalYear(2028).daysOff()).hasSize(12).contains(LocalDate.of(2028, 10, 3));
    }

    @ParameterizedTest
    // 2006: before the bundled notices (2007 on) and the rules' range; 2036: after both.
    @ValueSource(ints = {2006, 2036})
    void aYearTheRulesCannotComputeIsAClearError(int year) {
        assertThatThrownBy(() -> RULES.provisionalYear(year)).isInstanceOf(YearOutOfRangeException.class)
                .hasMessageContaining(String.valueOf(year)).hasMessageContaining("2025–2035");
        assertThatThrownBy(() -> HolidayData.defaultCalendar().isWorkingDay(LocalDate.of(year, 6, 1)))
                .isInstanceOf(YearOutOfRangeException.class);
    }

    @Test
    void aRevisionOfTheRulesIsANewEntryInTheData() throws Exception {
        String json = """
                {"lastComputableYear": 2035, "ruleSets": [
                  {"effectiveFrom": "2025-01-01", "title": "2024 revision", "holidays": [
                    {"name": "元旦", "rule": "FIXED", "month": 1, "day": 1, "days": 1}]},
                  {"effectiveFrom": "2030-01-01", "title": "a future revision", "holidays": [
                    {"name": "元旦", "rule": "FIXED", "month": 1, "day": 1, "days": 2},
                    {"name": "中秋节", "rule": "LUNAR", "month": 8, "day": 15, "days": 2}]}]}""";
        StatutoryRules rules = StatutoryRules.parse(new ObjectMapper().readTree(json));

        assertThat(rules.inForce(2029).title()).isEqualTo("2024 revision");
        assertThat(rules.provisionalYear(2029).daysOff()).containsExactly(LocalDate.of(2029, 1, 1));
        assertThat(rules.inForce(2030).title()).isEqualTo("a future revision");
        assertThat(rules.provisionalYear(2030).daysOff()).containsExactlyInAnyOrder(LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 1, 2), LocalDate.of(2030, 9, 12), LocalDate.of(2030, 9, 13));
    }

    private static LocalDate[] dates(String... iso) {
        LocalDate[] out = new LocalDate[iso.length];
        for (int i = 0; i < iso.length; i++) {
            out[i] = LocalDate.parse(iso[i]);
        }
        return out;
    }
}
