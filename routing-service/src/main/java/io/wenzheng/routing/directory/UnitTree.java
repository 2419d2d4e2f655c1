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
