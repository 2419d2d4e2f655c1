package io.wenzheng.routing.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "routing_rule")
public class RuleRow extends PanacheEntityBase {
    @Id
    public String name;
    public String category;
    public String place;
    @Column(name = "unit_code", nullable = false)
    public String unitCode;
    @Column(nullable = false)
    public int priority;

    public RoutingRule toRule() {
        return new RoutingRule(name, category, place, unitCode, priority);
    }

    public static RuleRow of(RoutingRule rule) {
        RuleRow row = new RuleRow();
        row.name = rule.name();
        row.category = rule.category();
        row.place = rule.place();
        row.unitCode = rule.unitCode();
        row.priority = rule.priority();
        return row;
    }
}
