package io.wenzheng.routing.directory;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Walks the unit tree upwards; analytics cuts its figures by the district a unit sits in. */
public final class UnitTree {
    private final Map<String, Unit> byCode;

    public UnitTree(Collection<Unit> units) {
        this.byCode = units.stream().collect(Collectors.toMap(Unit::code, Function.identity(), (a, b) -> a));
    }

    /**
     * The units above this one whose directory entry lets them see its petitions, nearest first. Unit staff of those
     * units see the petition as if it were their own unit's.
     */
    public java.util.List<String> supervisorsOf(String unitCode) {
        java.util.List<String> supervisors = new java.util.ArrayList<>();
        Unit unit = byCode.get(unitCode);
        for (int hops = 0; unit != null && unit.parentCode() != null && hops < 8; hops++) {
            unit = byCode.get(unit.parentCode());
            if (unit != null && unit.seesSubordinates()) {
                supervisors.add(unit.code());
            }
        }
        return supervisors;
    }

    /** The code of the district (区/县) at or above the unit; null for the city, its departments and unknown units. */
    public String districtOf(String unitCode) {
        Unit unit = byCode.get(unitCode);
        for (int hops = 0; unit != null && hops < 8; hops++) {
            if (unit.level() == UnitLevel.DISTRICT) {
                return unit.code();
            }
            unit = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
        }
        return null;
    }
}
