package io.wenzheng.routing.triage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A category a person confirmed for a petition: training data for the next model. */
@Entity
@Table(name = "labelled_example")
public class LabelledExample extends PanacheEntityBase {
    @Id
    @Column(name = "petition_id")
    public String petitionId;
    public String subject;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Column(nullable = false)
    public String category;
    @Column(nullable = false)
    public String source;
    @Column(name = "labelled_at", nullable = false)
    public Instant labelledAt;
}
