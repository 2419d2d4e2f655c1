package io.wenzheng.intake.unitfeed;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A petition's pledge clock as sla-service last told intake, for the unit's feed. */
@Entity
@Table(name = "petition_clock")
public class ClockRow extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "time_basis")
    public TimeBasis timeBasis;
    @Enumerated(EnumType.STRING)
    public CalendarStatus calendar;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseUpdate.ClockState state;

    @Embeddable
    public record Key(@Column(name = "petition_id") String petitionId,
                      @Enumerated(EnumType.STRING) @Column(name = "pledge") Pledge pledge) implements Serializable {
    }

    public CaseUpdate.Clock clock() {
        return new CaseUpdate.Clock(key.pledge(), dueAt, timeBasis, calendar, state);
    }

    public static Uni<List<CaseUpdate.Clock>> of(String petitionId) {
        return ClockRow.<ClockRow>list("key.petitionId", petitionId)
                .map(rows -> rows.stream().map(ClockRow::clock).sorted(Comparator.comparing(CaseUpdate.Clock::pledge)).toList());
    }
}
