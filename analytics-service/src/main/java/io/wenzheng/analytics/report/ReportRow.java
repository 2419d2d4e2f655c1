package io.wenzheng.analytics.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A generated report with its three renderings; a report is regenerated in place, under the same id. Lists select only its summary columns. */
@Entity
@Table(name = "report")
public class ReportRow extends PanacheEntityBase {
    @Id
    @Column(name = "report_id")
    public String reportId;
    @Column(nullable = false)
    public String period;
    @Column(name = "period_from", nullable = false)
    public LocalDate from;
    @Column(name = "period_to", nullable = false)
    public LocalDate to;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String html;
    @Column(nullable = false)
    public byte[] pdf;
    @Column(nullable = false)
    public String csv;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
