package io.wenzheng.intake.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PetitionIdsTest {

    @Test
    void idsAreUlidsThatCarryTheirTime() {
        Instant at = Instant.parse("2026-11-27T02:15:00.123Z");
        String id = PetitionIds.newId(at);
        assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(PetitionIds.isValid(id)).isTrue();
        assertThat(PetitionIds.timeOf(id)).isEqualTo(at);
    }

    @Test
    void idsSortByTime() {
        String earlier = PetitionIds.newId(Instant.parse("2026-01-01T00:00:00Z"));
        String later = PetitionIds.newId(Instant.parse("2026-01-01T00:00:00.001Z"));
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void idsAndTrackingCodesDoNotRepeat() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(PetitionIds.newId(now));
            codes.add(PetitionIds.newTrackingCode());
        }
        assertThat(ids).hasSize(10_000);
        assertThat(codes).hasSizeGreaterThan(9_990); // 40 bits of randomness: a clash is possible, and the DB rejects it
        assertThat(codes).allMatch(c -> c.matches("[0-9A-HJKMNP-TV-Z]{8}"));
    }

    @Test
    void rejectsWhatIsNotAnId() {
        assertThat(PetitionIds.isValid("xyz")).isFalse();
        assertThat(PetitionIds.isValid("01M8M5MX4MJHR4KGDV7CFMZJ6I")).isFalse(); // I is not Crockford
        assertThat(PetitionIds.isValid(null)).isFalse();
    }
}
