package io.wenzheng.analytics.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest version of a period's report with its three renderings, under the period's id; earlier versions move to
 * report_version when the period is published again. Lists select only its summary columns.
 */
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
    /** 1 for the first publication of the period, one more for each republication. */
    @Column(nullable = false)
    public int version;
    /** The document number (文号) printed on it. */
    @Column(name = "report_number")
    public String number;
}
