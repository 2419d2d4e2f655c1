package io.wenzheng.routing.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "unit")
public class UnitRow extends PanacheEntityBase {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Id
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(name = "parent_code")
    public String parentCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitLevel level;
    @Column(nullable = false, columnDefinition = "text")
    public String duties;
    @Column(nullable = false, columnDefinition = "text")
    public String areas;
    @Column(name = "calendar_region")
    public String calendarRegion;
    @Column(nullable = false, columnDefinition = "text")
    public String landmarks = "[]";
    public Double latitude;
    public Double longitude;
    @Column(name = "radius_km")
    public Double radiusKm;
    @Column(name = "escalation_contact")
    public String escalationContact;
    @Column(name = "sees_subordinates", nullable = false)
    public boolean seesSubordinates;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Unit toUnit() {
        GeoArea territory = latitude == null || longitude == null || radiusKm == null ? null : new GeoArea(latitude, longitude, radiusKm);
        return new Unit(code, name, parentCode, level, read(duties), read(areas), calendarRegion, read(landmarks), territory,
                escalationContact, seesSubordinates);
    }

    public void fill(Unit unit) {
        code = unit.code();
        name = unit.name();
        parentCode = unit.parentCode();
        level = unit.level();
        duties = write(unit.duties());
        areas = write(unit.areas());
        calendarRegion = unit.calendarRegion();
        landmarks = write(unit.landmarks());
        latitude = unit.territory() == null ? null : unit.territory().latitude();
        longitude = unit.territory() == null ? null : unit.territory().longitude();
        radiusKm = unit.territory() == null ? null : unit.territory().radiusKm();
        escalationContact = unit.escalationContact();
        seesSubordinates = unit.seesSubordinates();
        updatedAt = Instant.now();
    }

    private static List<String> read(String json) {
        try {
            return EventJson.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt unit row", e);
        }
    }

    private static String write(List<String> values) {
        try {
            return EventJson.mapper().writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
