package io.wenzheng.intake.casework.template;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reusable reply (答复模板): shared by the platform when {@code unitCode} is null, otherwise one unit's own. */
@Entity
@Table(name = "reply_template")
public class ReplyTemplate extends PanacheEntityBase {
    /** Which step of the casework the text is written for. */
    public enum Kind { RESPONSE, PROGRESS, QUESTION, RESOLUTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
