package io.wenzheng.sla.calendar.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A year's holiday notice (holiday-cn JSON) for a region, as an administrator loaded it. */
@Entity
@Table(name = "holiday_notice")
@IdClass(HolidayNotice.Key.class)
public class HolidayNotice extends PanacheEntityBase {
    @Id
    public String region;
    @Id
    public int year;
    @Column(nullable = false)
    public String document;
    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;

    public record Key(String region, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
