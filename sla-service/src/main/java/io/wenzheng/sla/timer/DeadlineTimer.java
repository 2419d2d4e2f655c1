package io.wenzheng.sla.timer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "deadline_timer")
public class DeadlineTimer extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Pledge pledge;
    @Enumerated(EnumType.STRING)
    @Column(name = "time_basis", nullable = false)
    public TimeBasis timeBasis;
    @Column(name = "unit_code")
    public String unitCode;
    /** What people see of the petition instead of its id. */
    @Column(name = "tracking_code")
    public String trackingCode;
    /** The petition's subject or first words, so that the board names it as people do. */
    public String title;
    /** Who else may see it: {@code kit.security.Sight}'s column form of the directory's supervising units. */
    @Column(name = "supervising_units")
    public String supervisingUnits;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimerState state;
    @Column(name = "settled_at")
    public Instant settledAt;
    @Column(nullable = false)
    public boolean warned;
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;
    /** When the timer must act next; null when it has nothing left to do. */
    @Column(name = "next_fire_at")
    public Instant nextFireAt;
    public String category;
    /** The region whose calendar the timer follows; null for the default region. */
    public String region;
    /** The district or county the unit belongs to, for the board's district filter; null for city departments. */
    @Column(name = "district_code")
    public String districtCode;
    /** 催办: how often a supervisor chased the unit about this clock, and when last. */
    @Column(nullable = false)
    public int chases;
    @Column(name = "last_chased_at")
    public Instant lastChasedAt;
    @Column(name = "paused_at")
    public Instant pausedAt;
    /** Whether the due time rests on published holiday notices only, or on a provisional year. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CalendarStatus calendar = CalendarStatus.OFFICIAL;

    /** The row as the clock decisions see it (chases are the supervisors' business, not the clock's). */
    public PledgeClock clock() {
        return new PledgeClock(petitionId, pledge, new PledgeClock.Label(trackingCode, title),
                new PledgeClock.Assignment(unitCode, districtCode, supervisingUnits, category, region), timeBasis, startedAt, dueAt,
                state, settledAt, pausedAt, warned, escalationLevel, nextFireAt, calendar);
    }

    /** Copies a decided clock onto this row. */
    public void take(PledgeClock clock) {
        trackingCode = clock.label().trackingCode();
        title = clock.label().title();
        unitCode = clock.assignment().unitCode();
        districtCode = clock.assignment().districtCode();
        supervisingUnits = clock.assignment().supervisingUnits();
        category = clock.assignment().category();
        region = clock.assignment().region();
        timeBasis = clock.timeBasis();
        startedAt = clock.startedAt();
        dueAt = clock.dueAt();
        state = clock.state();
        settledAt = clock.settledAt();
        pausedAt = clock.pausedAt();
        warned = clock.warned();
        escalationLevel = clock.escalationLevel();
        nextFireAt = clock.nextFireAt();
        calendar = clock.calendar();
    }

    public static String idOf(String petitionId, Pledge pledge) {
        return petitionId + "/" + pledge.name();
    }
}
